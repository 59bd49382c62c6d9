
using Finiex.Sdk.Time;

namespace Finiex.Core.Ticks;

/// <summary>Searches over a time-sorted column of tick times.</summary>
public static class TickTimes
{
    /// <summary>Index of the first time ≥ <paramref name="value"/> (the length when none).</summary>
    public static int LowerBound(ReadOnlySpan<long> times, long value)
    {
        int low = 0, high = times.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (times[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>
    /// The warmup range of SEMANTICS §3: the ticks of the last <paramref name="bars"/> buckets of
    /// <paramref name="timeframe"/> that end at or before <paramref name="startMs"/>, as [first, end) indexes,
    /// and how many buckets that is (fewer when the data holds fewer).
    /// </summary>
    public static (int First, int End, int Bars) WarmupRange(ReadOnlySpan<long> times, long startMs, Timeframe timeframe, int bars)
    {
        var end = LowerBound(times, timeframe.BucketStart(startMs));
        var first = end;
        var found = 0;
        while (found < bars && first > 0)
        {
            // Step back over one whole bucket: to the first tick of the bucket holding the tick before `first`.
            first = LowerBound(times[..first], timeframe.BucketStart(times[first - 1]));
            found++;
        }

        return (first, end, found);
    }
}
