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
}
