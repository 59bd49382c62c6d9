using Finiex.Core.Ticks;
using Finiex.Core.Time;

namespace Finiex.Scenarios.Validation;

/// <summary>Counts the closed bars available before a scenario's start (SEMANTICS §3).</summary>
public static class WarmupCounter
{
    /// <summary>
    /// The number of bars (up to <paramref name="needed"/>) whose bucket ends at or before <paramref name="startMs"/>:
    /// the bars built from ticks earlier than the start of the bucket that holds the start.
    /// </summary>
    public static int CountBarsBefore(ReadOnlySpan<long> times, long startMs, Timeframe timeframe, int needed)
    {
        var cutoff = timeframe.BucketStart(startMs);
        var end = TickTimes.LowerBound(times, cutoff);
        var bars = 0;
        var bucket = long.MaxValue;
        for (var i = end - 1; i >= 0 && bars < needed; i--)
        {
            var tickBucket = timeframe.BucketStart(times[i]);
            if (tickBucket != bucket)
            {
                bars++;
                bucket = tickBucket;
                // Jump straight to the bucket's first tick instead of walking every tick of it.
                i = TickTimes.LowerBound(times[..i], tickBucket) + 1;
            }
        }

        return bars;
    }
}
