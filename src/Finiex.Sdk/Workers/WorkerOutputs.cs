namespace Finiex.Sdk.Workers;

/// <summary>
/// Where <see cref="Worker.UpdateRange"/> writes a worker's values for a run of ticks: one column per output (in the
/// order of <see cref="Worker.OutputNames"/>), one entry per tick of the run.
/// </summary>
public readonly ref struct WorkerOutputs
{
    private readonly double[][] _columns;
    private readonly int _start;

    internal WorkerOutputs(double[][] columns, int start, int length)
    {
        _columns = columns;
        _start = start;
        Length = length;
    }

    /// <summary>Ticks in the run.</summary>
    public int Length { get; }

    /// <summary>Outputs of the worker.</summary>
    public int Count => _columns.Length;

    /// <summary>The values of output <paramref name="output"/> at each tick of the run.</summary>
    public Span<double> this[int output] => _columns[output].AsSpan(_start, Length);
}
