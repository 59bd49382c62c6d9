using Finiex.Contracts.Packages;
using Finiex.Sdk.Bars;

namespace Finiex.Engine.Bars;

/// <summary>A bar series to and from the package's columns: warmup bars in, closed bars out for traces.</summary>
internal static class BarSeriesColumns
{
    /// <summary>Appends the last <paramref name="lastCount"/> bars of <paramref name="bars"/> as the series' warmup bars.</summary>
    public static void AddWarmup(this BarSeries series, BarColumns bars, int lastCount)
    {
        var from = Math.Max(0, bars.Count - lastCount);
        for (var i = from; i < bars.Count; i++)
        {
            series.Append(bars.Starts[i], bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i], bars.TickCounts[i]);
        }

        series.MarkWarmup();
    }

    /// <summary>The closed bars from <paramref name="from"/> on, as columns (a copy).</summary>
    public static BarColumns ToColumns(this BarSeries series, int from) => new()
    {
        Timeframe = series.Timeframe.Name,
        Starts = series.Starts[from..].ToArray(),
        Open = series.Open[from..].ToArray(),
        High = series.High[from..].ToArray(),
        Low = series.Low[from..].ToArray(),
        Close = series.Close[from..].ToArray(),
        TickCounts = series.TickCounts[from..].ToArray(),
    };
}
