using Finiex.Contracts.Packages;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Time;

namespace Finiex.Engine.Bars;

/// <summary>Builds closed bars from ticks in one pass (warmup bars during data preparation, and tests).</summary>
public static class BarBuilder
{
    /// <summary>Bars of the ticks in order; the last bucket is included only when <paramref name="includeLast"/>.</summary>
    public static BarColumns Build(Timeframe timeframe, ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, bool includeLast)
    {
        var series = new BarSeries(timeframe);
        for (var i = 0; i < times.Length; i++)
        {
            series.OnTick(times[i], (bids[i] + asks[i]) / 2);
        }

        if (includeLast)
        {
            series.CloseForming();
        }

        return series.ToColumns(0);
    }
}
