using System.Text.Json;

namespace Finiex.Cli.Tests;

[Collection("processes")]
public sealed class ValidateAndRunCommandTests
{
    private static string Example => Path.Combine(CliRunner.RepoRoot, "configs", "scenario_sets", "eurusd_example.json");

    private static string Store => Finiex.Tests.Shared.RepoPaths.SampleStore;

    private static string Mistakes => Path.Combine(CliRunner.RepoRoot, "tests", "Finiex.Scenarios.Tests", "Fixtures", "mistakes.json");

    [Fact]
    public void The_example_set_validates_with_exit_code_0()
    {
        var result = CliRunner.Run("validate", Example, "--store", Store);
        Assert.True(result.ExitCode == 0, result.Out);
        Assert.Contains("valid", result.Out, StringComparison.Ordinal);
        Assert.Contains("7 scenario(s) ready", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_full_of_mistakes_lists_them_all_with_exit_code_2()
    {
        var result = CliRunner.Run("validate", Mistakes, "--store", Store, "--json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var paths = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.True(paths.Count >= 15, string.Join("\n", paths));
        Assert.Contains("$.defaults.strategy.workers.band.type", paths);
        Assert.Contains("$.scenarios[0].end", paths);
    }

    [Fact]
    public void Run_writes_the_results_folder_for_the_example_set()
    {
        var output = Path.Combine(Path.GetTempPath(), "finiex-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = CliRunner.Run("run", Example, "--store", Store, "--out", output, "--trace", "--profile");

            Assert.True(result.ExitCode == 0, result.Out + result.Error);
            var folder = Assert.Single(Directory.GetDirectories(Path.Combine(output, "eurusd_example")));
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
            var scenarios = summary.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
            Assert.Equal(7, scenarios.Count);
            Assert.All(scenarios, s => Assert.Equal("completed", s.GetProperty("status").GetString()));
            var statistics = scenarios[0].GetProperty("statistics");
            foreach (var name in new[] { "ticks_processed", "orders_sent", "orders_filled", "orders_rejected", "orders_cancelled", "trades", "long_trades",
                         "short_trades", "winning_trades", "losing_trades", "gross_profit", "gross_loss", "net_profit", "profit_factor", "win_rate",
                         "max_drawdown", "max_drawdown_pct", "final_balance", "final_equity", "commissions", "swaps" })
            {
                Assert.True(statistics.TryGetProperty(name, out _), name);
            }

            Assert.True(File.Exists(Path.Combine(folder, "config.json")));
            var trades = File.ReadAllLines(Path.Combine(folder, "scenarios", "eurusd_may06", "trades.csv"));
            Assert.Equal("id,side,lots,open_time,open_price,close_time,close_price,close_reason,commission,swap,pnl", trades[0]);
            Assert.Equal(statistics.GetProperty("trades").GetInt64(), trades.Length - 1);
            Assert.Contains("[INFO]", File.ReadAllText(Path.Combine(folder, "scenarios", "eurusd_may06.log")), StringComparison.Ordinal);
            var bars = File.ReadAllLines(Path.Combine(folder, "scenarios", "eurusd_may06", "bars_M5.csv"));
            Assert.Equal("start,open,high,low,close,ticks,rsi_fast,band.lower,band.middle,band.upper", bars[0]);
            Assert.Equal(287, bars.Length - 1); // 288 M5 buckets in the day; the last is still forming when the data ends
            Assert.Contains("worker_decision", result.Out, StringComparison.Ordinal); // the profiling tables, asked for with --profile
            Assert.True(File.Exists(Path.Combine(folder, "report.html")));
            Assert.Contains($"Report:  {Path.Combine(folder, "report.html")}", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void Run_refuses_a_set_with_nothing_runnable()
    {
        Assert.Equal(2, CliRunner.Run("run", Mistakes, "--store", Store).ExitCode);
    }

    [Theory]
    [InlineData("--scenario-timeout", "0")]
    [InlineData("--scenario-timeout", "-1")]
    [InlineData("--scenario-timeout", "NaN")]
    [InlineData("--scenario-timeout", "1e12")]
    [InlineData("--parallel", "-5")]
    [InlineData("--parallel", "0")]
    [InlineData("--parallel", "100000")]
    public void Run_refuses_absurd_limits_before_anything_runs(string option, string value)
    {
        var result = CliRunner.Run("run", Example, "--store", Store, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option + " must be", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Running", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_a_missing_store_stops_before_any_runner_with_the_problems_as_validate_prints_them()
    {
        var output = Path.Combine(Path.GetTempPath(), "finiex-nostore-" + Guid.NewGuid().ToString("N"));
        var result = CliRunner.Run("run", Example, "--store", Path.Combine(output, "no-store"), "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.scenarios[0].symbol", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("[[", result.Out, StringComparison.Ordinal);
        Assert.Contains("there is no tick store at", result.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "no results folder for a batch that never ran");
    }
}
