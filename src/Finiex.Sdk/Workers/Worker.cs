
using Finiex.Sdk.Time;

namespace Finiex.Sdk.Workers;

/// <summary>
/// An indicator worker (SEMANTICS §4). It sees the closes of its timeframe's bars: warmup and closed bars are
/// committed one by one with <see cref="CommitClose"/>; at every tick <see cref="Update"/> computes the value on those
/// closes plus the forming bar's close, without committing it. Both must be O(1) (or O(period)) and allocation-free.
/// The tick loop calls <see cref="UpdateRange"/> for runs of ticks inside one bar of the worker's timeframe; its
/// default calls <see cref="Update"/> tick by tick, and a worker may override it with a loop over the run (the
/// built-in workers do: their values then come from one tight, vectorised loop instead of a call per tick).
/// <see cref="IsReady"/> may change only when a close is committed (SEMANTICS §4: a worker is ready with enough closes).
/// </summary>
/// <remarks>
/// An abstract class rather than an interface on purpose: the tick loop calls <see cref="Update"/> on workers of
/// different types from one call site, which a virtual call handles with one indirect jump while an interface call
/// goes through the runtime's polymorphic resolve stub; and decisions read <see cref="IsReady"/> and the values of
/// the output kinds (<see cref="OscillatorWorker"/>, <see cref="BandWorker"/>, <see cref="ValueWorker"/>) as plain
/// field loads.
/// </remarks>
public abstract class Worker(string name, Timeframe timeframe)
{
    public string Name { get; } = name;

    public Timeframe Timeframe { get; } = timeframe;

    /// <summary>True once the worker has enough closes for a value (a decision treats a worker that is not ready as FLAT).</summary>
    public bool IsReady { get; protected set; }

    /// <summary>Names of the values the worker exposes, for traces (e.g. "rsi" or "band.lower", "band.middle", "band.upper").</summary>
    public abstract IReadOnlyList<string> OutputNames { get; }

    /// <summary>Appends the close of a bar that has closed (or a warmup bar).</summary>
    public abstract void CommitClose(double close);

    /// <summary>Computes the value at this tick, with <paramref name="formingClose"/> as the last close.</summary>
    public abstract void Update(double formingClose);

    /// <summary>Writes the current values, in the order of <see cref="OutputNames"/>; NaN while not ready.</summary>
    public abstract void WriteOutputs(Span<double> destination);

    /// <summary>
    /// Computes the values at each tick of a run in which no close is committed (<paramref name="formingCloses"/> are
    /// the run's mids), writes them to <paramref name="outputs"/>, and leaves the worker's values at the run's last tick.
    /// Each tick's values must equal what <see cref="Update"/> computes for it.
    /// </summary>
    public virtual void UpdateRange(ReadOnlySpan<double> formingCloses, WorkerOutputs outputs)
    {
        Span<double> row = stackalloc double[outputs.Count];
        for (var i = 0; i < formingCloses.Length; i++)
        {
            Update(formingCloses[i]);
            WriteOutputs(row);
            for (var k = 0; k < row.Length; k++)
            {
                outputs[k][i] = row[k];
            }
        }
    }

    /// <summary>
    /// The worker's values at every tick of the current block, which a decision logic that decides whole blocks reads
    /// (<see cref="Decisions.DecisionLogic.DecideBlock"/>). Set by the tick loop; null until it runs.
    /// </summary>
    public WorkerBlock? Block { get; internal set; }
}
