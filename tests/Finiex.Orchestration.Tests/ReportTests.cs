using System.Text.Json;
using System.Text.RegularExpressions;
using Finiex.Orchestration.Reports;
using Finiex.Orchestration.Results;
using Finiex.Orchestration.Sweeps;

namespace Finiex.Orchestration.Tests;

/// <summary>report.html and the sweep ranking, made from a results folder's files alone.</summary>
public sealed partial class ReportTests(ReportFixture run) : IClassFixture<ReportFixture>
{
    [GeneratedRegex("<script id=\"finiex-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex EmbeddedData();

    [Fact]
    public void The_recorded_run_reads_back_what_the_batch_produced()
    {
        var recorded = RecordedRun.Read(run.RunFolder);

        Assert.True(recorded.Summary.Complete);
        Assert.Equal(run.Batch.Scenarios.Count, recorded.Scenarios.Count);
        foreach (var (original, read) in run.Batch.Scenarios.Zip(recorded.Scenarios))
        {
            Assert.Equal(original.Result.Statistics, read.Statistics);
            Assert.Equal(original.Result.Trades, read.Trades);
            Assert.Equal(original.Result.ReportStatistics!.MonthlyReturns, read.ReportStatistics!.MonthlyReturns);
            Assert.Equal(original.Result.EquityCurve!.Equity, read.EquityCurve!.Equity);
            Assert.Equal(original.Result.Log.Count, read.Log!.Count);
        }
    }

    [Fact]
    public void The_report_is_one_small_self_contained_file_with_every_scenario()
    {
        var html = HtmlReport.Render(RecordedRun.Read(run.RunFolder));

        Assert.InRange(html.Length, 50_000, 2_000_000);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"", html, StringComparison.Ordinal); // nothing loaded from elsewhere
        Assert.DoesNotContain("__DATA__", html, StringComparison.Ordinal);
        using var data = JsonDocument.Parse(EmbeddedData().Match(html).Groups[1].Value.Replace("<\\/", "</", StringComparison.Ordinal));
        var scenarios = data.RootElement.GetProperty("scenarios");
        Assert.Equal(7, scenarios.GetArrayLength());
        Assert.All(scenarios.EnumerateArray(), s => Assert.True(s.GetProperty("equity_curve").GetProperty("times").GetArrayLength() > 10));
        Assert.Equal(4, data.RootElement.GetProperty("sweeps")[0].GetProperty("ranked").GetArrayLength());
    }

    [Fact]
    public void A_folder_without_a_summary_gets_an_error_naming_it()
    {
        var error = Assert.Throws<ResultsFolderException>(() => RecordedRun.Read(Path.GetTempPath()));
        Assert.Contains("no summary.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sweep_ranks_its_variants_and_lays_out_the_heat_map()
    {
        var scenarios = RecordedRun.Read(run.RunFolder).Scenarios;
        var sweep = Assert.Single(SweepRanking.Rank(scenarios, SweepScore.NetProfit));

        Assert.Equal(["strategy.workers.rsi_fast.params.period", "strategy.workers.band.params.deviation_pct"], sweep.Parameters);
        var expected = scenarios.Where(s => s.GridValues is not null).OrderByDescending(s => s.Statistics!.NetProfit).Select(s => s.Index);
        Assert.Equal(expected, sweep.Ranked.Select(v => v.Index));
        Assert.Equal([1, 2, 3, 4], sweep.Ranked.Select(v => v.Rank));

        var map = sweep.HeatMap!;
        Assert.Equal(["10", "14"], map.X);
        Assert.Equal(["0.05", "0.1"], map.Y);
        foreach (var variant in sweep.Ranked)
        {
            Assert.Equal(variant.Score, map.Cells[map.Y.ToList().IndexOf(variant.Values[1])][map.X.ToList().IndexOf(variant.Values[0])]);
        }

        var byDrawdown = Assert.Single(SweepRanking.Rank(scenarios, SweepScore.MaxDrawdown));
        Assert.True(byDrawdown.Ranked.Zip(byDrawdown.Ranked.Skip(1)).All(p => p.First.Score <= p.Second.Score), "max_drawdown ranks lowest first");
        var filtered = Assert.Single(SweepRanking.Rank(scenarios, SweepScore.NetProfit, minTrades: 50));
        Assert.Equal(scenarios.Count(s => s.GridValues is not null && s.Statistics!.Trades < 50), filtered.LeftOut);
        Assert.All(filtered.Ranked, v => Assert.True(scenarios[v.Index].Statistics!.Trades >= 50));
    }

    [Fact]
    public void Net_profit_spread_gives_best_median_and_worst()
    {
        Assert.Equal(new NetProfitSpread(9, 2, -4), NetProfitSpread.Of([2, -4, 9]));
        Assert.Equal(new NetProfitSpread(9, 2.5, -4), NetProfitSpread.Of([2, -4, 9, 3]));
        Assert.Null(NetProfitSpread.Of([]));
    }
}
