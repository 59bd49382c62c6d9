using Finiex.Core.Time;

namespace Finiex.Engine.Workers;

/// <summary>
/// An indicator worker (SEMANTICS §4). It sees the closes of its timeframe's bars: warmup and closed bars are
/// committed one by one with <see cref="CommitClose"/>; at every tick <see cref="Update"/> computes the value on those
/// closes plus the forming bar's close, without committing it. Both must be O(1) (or O(period)) and allocation-free.
/// </summary>
public interface IWorker
{
    string Name { get; }

    Timeframe Timeframe { get; }

    /// <summary>True once the worker has enough closes for a value (a decision treats a worker that is not ready as FLAT).</summary>
    bool IsReady { get; }

    /// <summary>Names of the values the worker exposes, for traces (e.g. "rsi" or "band.lower", "band.middle", "band.upper").</summary>
    IReadOnlyList<string> OutputNames { get; }

    /// <summary>Appends the close of a bar that has closed (or a warmup bar).</summary>
    void CommitClose(double close);

    /// <summary>Computes the value at this tick, with <paramref name="formingClose"/> as the last close.</summary>
    void Update(double formingClose);

    /// <summary>Writes the current values, in the order of <see cref="OutputNames"/>; NaN while not ready.</summary>
    void WriteOutputs(Span<double> destination);
}
