using System.Text.Json;
using Finiex.Contracts.Results;
using Finiex.Data.Store;
using Finiex.Orchestration.Results;
using Finiex.Orchestration.Sweeps;

namespace Finiex.Orchestration.Reports;

/// <summary>
/// report.html of a results folder: one self-contained file (the page, its script, the chart library and the run's
/// data inlined; it opens from disk without a network). Built from the folder's files alone, so it can be made again
/// at any time (<c>finiex report</c>). Long trade lists and logs are cut to keep the file small; the full ones stay in
/// the scenario's files, and the page says so.
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";
    public const int TradesShown = 5_000;
    public const int LogLinesShown = 1_000;

    public static string Write(RecordedRun run, SweepScore score = SweepScore.NetProfit, int minTrades = SweepRanking.DefaultMinTrades)
    {
        var path = Path.Combine(run.Folder, FileName);
        AtomicFile.WriteAllText(path, Render(run, score, minTrades));
        return path;
    }

    public static string Render(RecordedRun run, SweepScore score = SweepScore.NetProfit, int minTrades = SweepRanking.DefaultMinTrades)
    {
        var data = new
        {
            GeneratedAt = DateTimeOffset.UtcNow,
            Batch = run.Summary with { Scenarios = [] },
            Scenarios = run.Scenarios.Select(Trimmed).ToList(),
            Sweeps = SweepRanking.Rank(run.Scenarios, score, minTrades),
            run.Summary.Totals.NetProfit, // the summary's best/median/worst of the completed scenarios
        };
        var json = JsonSerializer.Serialize(data, ResultsJson.Compact).Replace("</", "<\\/", StringComparison.Ordinal);
        return Asset("report.html")
            .Replace("__TITLE__", System.Net.WebUtility.HtmlEncode($"{run.Summary.Set} · Finiex report"), StringComparison.Ordinal)
            .Replace("__UPLOT_CSS__", Asset("uPlot.min.css"), StringComparison.Ordinal)
            .Replace("__REPORT_CSS__", Asset("report.css"), StringComparison.Ordinal)
            .Replace("__UPLOT_JS__", Asset("uPlot.iife.min.js"), StringComparison.Ordinal)
            .Replace("__REPORT_JS__", Asset("report.js"), StringComparison.Ordinal)
            .Replace("__DATA__", json, StringComparison.Ordinal);
    }

    private static ScenarioSummary Trimmed(ScenarioSummary scenario)
    {
        var log = scenario.Log ?? [];
        return scenario with
        {
            EquityCurve = scenario.EquityCurve is { } curve ? InCents(curve) : null,
            Trades = scenario.Trades is { Count: > TradesShown } trades ? [.. trades.Take(TradesShown)] : scenario.Trades,
            Log = log.Count > LogLinesShown
                ? [new LogLine(log[0].Time, "INFO", $"… {log.Count - LogLinesShown:N0} earlier lines are in {scenario.Files?.Log}"), .. log.Skip(log.Count - LogLinesShown)]
                : log,
        };
    }

    /// <summary>The curve's money in cents, as the page shows it: a third of the digits of full precision in the embedded data.</summary>
    private static EquityCurve InCents(EquityCurve curve) => curve with
    {
        Equity = [.. curve.Equity.Select(Cents)],
        Low = [.. curve.Low.Select(Cents)],
        High = [.. curve.High.Select(Cents)],
        Balance = [.. curve.Balance.Select(Cents)],
        DayEquity = [.. curve.DayEquity.Select(Cents)],
    };

    private static double Cents(double money) => Math.Round(money, 2);

    private static string Asset(string name)
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream($"Finiex.Reports.{name}")
                           ?? throw new InvalidOperationException($"The report asset {name} is missing from {typeof(HtmlReport).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
