using System.Globalization;
using System.Text;
using System.Text.Json;
using Finiex.Contracts.Results;
using Finiex.Core.Time;
using Finiex.Data.Store;
using Finiex.Orchestration.Execution;

namespace Finiex.Orchestration.Results;

/// <summary>
/// Writes a batch's results to <c>&lt;out&gt;/&lt;set&gt;/&lt;yyyy-MM-dd_HH.mm.ss&gt;/</c>: summary.json, config.json,
/// scenarios/&lt;name&gt;/trades.csv, scenarios/&lt;name&gt;.log and, when traced, scenarios/&lt;name&gt;/bars_&lt;TF&gt;.csv.
/// Every file is written atomically (temp file + rename).
/// </summary>
public static class ResultsWriter
{
    public const string TradesHeader = "id,side,lots,open_time,open_price,close_time,close_price,close_reason,commission,swap,pnl";

    public static string Write(string outRoot, BatchResult batch)
    {
        var folder = CreateRunFolder(Path.Combine(outRoot, batch.SetName), batch.StartedAt);
        var summary = BatchSummary.From(batch);
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.json"), JsonSerializer.Serialize(summary, ResultsJson.Options));
        AtomicFile.WriteAllText(Path.Combine(folder, "config.json"), JsonSerializer.Serialize(new
        {
            set = batch.SetName,
            source_file = batch.SourceFile,
            scenarios = batch.Scenarios.Select(s => s.Config),
        }, ResultsJson.Options));
        foreach (var scenario in batch.Scenarios)
        {
            var scenarioFolder = Path.Combine(folder, "scenarios", scenario.Name);
            AtomicFile.WriteAllText(Path.Combine(scenarioFolder, "trades.csv"), TradesCsv(scenario.Result.Trades));
            AtomicFile.WriteAllText(Path.Combine(folder, "scenarios", scenario.Name + ".log"), LogText(scenario.Result));
            foreach (var trace in scenario.Result.BarTraces)
            {
                AtomicFile.WriteAllText(Path.Combine(scenarioFolder, $"bars_{trace.Timeframe}.csv"), TraceCsv(trace));
            }
        }

        return folder;
    }

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

    private static string LogText(ProcessResult result)
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

    private static string TraceCsv(BarTrace trace)
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

    private static string CreateRunFolder(string setFolder, DateTimeOffset started)
    {
        var name = started.UtcDateTime.ToString("yyyy-MM-dd_HH.mm.ss", CultureInfo.InvariantCulture);
        var folder = Path.Combine(setFolder, name);
        for (var n = 2; Directory.Exists(folder); n++)
        {
            folder = Path.Combine(setFolder, $"{name}_{n}");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
