using Finiex.Core.Ticks;
using Finiex.Sdk.Time;

namespace Finiex.Scenarios.Validation;

/// <summary>Counts the closed bars available before a scenario's start (SEMANTICS §3).</summary>
public static class WarmupCounter
{
    /// <summary>
    /// The number of bars (up to <paramref name="needed"/>) whose bucket ends at or before <paramref name="startMs"/>:
    /// the bars built from ticks earlier than the start of the bucket that holds the start.
    /// </summary>
    public static int CountBarsBefore(ReadOnlySpan<long> times, long startMs, Timeframe timeframe, int needed) =>
        TickTimes.WarmupRange(times, startMs, timeframe, needed).Bars;
}
