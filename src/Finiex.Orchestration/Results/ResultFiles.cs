using System.Globalization;
using System.Text;
using Finiex.Contracts.Results;
using Finiex.Sdk.Time;

namespace Finiex.Orchestration.Results;

/// <summary>The text of a scenario's result files: trades.csv, its log, and the bar traces (bars_&lt;TF&gt;.csv).</summary>
public static class ResultFiles
{
    public const string TradesHeader = "id,side,lots,open_time,open_price,close_time,close_price,close_reason,commission,swap,pnl";

    public static string TradesCsv(IReadOnlyList<TradeRecord> trades)
    {
        var text = new StringBuilder(TradesHeader).Append('\n');
        foreach (var t in trades)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{t.Id},{t.Side},{N(t.Lots)},{UtcTime.Format(t.OpenTimeMs)},{N(t.OpenPrice)},{UtcTime.Format(t.CloseTimeMs)},{N(t.ClosePrice)},{t.CloseReason},{N(t.Commission)},{N(t.Swap)},{N(t.Pnl)}\n");
        }

        return text.ToString();
    }

    public static string LogText(ProcessResult result)
    {
        var text = new StringBuilder();
        foreach (var line in result.Log)
        {
            text.Append(CultureInfo.InvariantCulture, $"{line.Time:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} [{line.Level}] {line.Message}\n");
        }

        if (result.Error is { } error)
        {
            text.Append(CultureInfo.InvariantCulture, $"error: {error.Kind}{(error.ExceptionType is { } type ? $" ({type})" : "")}: {error.Message}\n");
            if (error.StackTrace is not null)
            {
                text.Append(error.StackTrace).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string TraceCsv(BarTrace trace)
    {
        var text = new StringBuilder("start,open,high,low,close,ticks");
        foreach (var column in trace.Columns)
        {
            text.Append(',').Append(column);
        }

        text.Append('\n');
        var bars = trace.Bars;
        for (var i = 0; i < bars.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{UtcTime.Format(bars.Starts[i])},{N(bars.Open[i])},{N(bars.High[i])},{N(bars.Low[i])},{N(bars.Close[i])},{bars.TickCounts[i]}");
            for (var c = 0; c < trace.Columns.Count; c++)
            {
                var value = trace.Values[(i * trace.Columns.Count) + c];
                text.Append(',').Append(double.IsNaN(value) ? "" : N(value));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
