namespace Finiex.Engine.Tests.Golden;

/// <summary>SEMANTICS §3 from first principles for the straight-line references: the bars of mids of each bucket before the start's, the last n of them.</summary>
internal static class ReferenceWarmup
{
    public static List<(double High, double Low, double Close)> Bars(long[] times, double[] bids, double[] asks, long startMs, long lengthMs, int count)
    {
        var startBucket = (long)Math.Floor(startMs / (double)lengthMs);
        var bars = new List<(double High, double Low, double Close)>();
        var bucket = long.MinValue;
        for (var i = 0; i < times.Length && Math.Floor(times[i] / (double)lengthMs) < startBucket; i++)
        {
            var mid = (bids[i] + asks[i]) / 2;
            var b = (long)Math.Floor(times[i] / (double)lengthMs);
            if (b != bucket)
            {
                bars.Add((mid, mid, mid));
                bucket = b;
            }

            bars[^1] = (Math.Max(bars[^1].High, mid), Math.Min(bars[^1].Low, mid), mid);
        }

        Assert.True(bars.Count >= count, "the data holds enough warmup");
        return bars.GetRange(bars.Count - count, count);
    }
}
