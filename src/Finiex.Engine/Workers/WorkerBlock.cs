namespace Finiex.Engine.Workers;

/// <summary>
/// A worker's values over one block of the tick loop, as decisions that work on whole blocks read them: one column per
/// output and the first tick of the block from which the worker is ready (it stays ready: readiness only grows).
/// </summary>
internal sealed class WorkerBlock(int outputs, int blockSize)
{
    public double[][] Columns { get; } = [.. Enumerable.Range(0, outputs).Select(_ => new double[blockSize])];

    public int ReadyFrom { get; set; }

    public WorkerOutputs Slice(int start, int length) => new(Columns, start, length);
}
