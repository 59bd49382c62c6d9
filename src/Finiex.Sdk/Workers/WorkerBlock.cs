namespace Finiex.Sdk.Workers;

/// <summary>
/// A worker's values over one block of the tick loop, as decisions that work on whole blocks read them: one column per
/// output and the first tick of the block from which the worker is ready (it stays ready: readiness only grows).
/// </summary>
public sealed class WorkerBlock
{
    internal WorkerBlock(int outputs, int blockSize)
    {
        Columns = [.. Enumerable.Range(0, outputs).Select(_ => new double[blockSize])];
    }

    /// <summary>The first tick of the block at which the worker is ready (the block's length when it is not ready in it).</summary>
    public int ReadyFrom { get; internal set; }

    internal double[][] Columns { get; }

    /// <summary>The values of output <paramref name="output"/> (in the order of <see cref="Worker.OutputNames"/>) at the block's first <paramref name="length"/> ticks.</summary>
    public ReadOnlySpan<double> Values(int output, int length) => Columns[output].AsSpan(0, length);

    internal WorkerOutputs Slice(int start, int length) => new(Columns, start, length);
}
