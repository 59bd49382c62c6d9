using Finiex.Core.Scenarios;
using Finiex.Sdk.Time;

namespace Finiex.Scenarios.Tests;

public sealed class ExampleSetTests
{
    [Fact]
    public void The_shipped_example_set_is_valid_on_the_shipped_sample()
    {
        var report = SetFixture.Load(SetFixture.ExampleSet);

        Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
        Assert.Equal("eurusd_example", report.Name);
        Assert.Equal(7, report.Scenarios.Length); // 3 plain scenarios + a 2 x 2 grid
        Assert.Equal(Enumerable.Range(0, 7), report.Scenarios.Select(s => s.Config!.Index));
    }

    [Fact]
    public void Validation_counts_the_ticks_each_scenario_will_run_through_capped_by_max_ticks()
    {
        var report = SetFixture.Load(SetFixture.ExampleSet);
        var capped = SetFixture.LoadText(File.ReadAllText(SetFixture.ExampleSet)
            .Replace("\"end\": \"2014-05-07T00:00:00Z\"", "\"end\": \"2014-05-07T00:00:00Z\", \"max_ticks\": 1234", StringComparison.Ordinal)
            .Replace("../brokers/", SetFixture.RepoRoot.Replace("\\", "/", StringComparison.Ordinal) + "/configs/brokers/", StringComparison.Ordinal));

        Assert.Equal(99_897, report.Scenarios[0].Ticks); // the engine's ticks_processed for eurusd_may06 (golden)
        Assert.All(report.Scenarios, s => Assert.True(s.Ticks > 0));
        Assert.True(capped.IsValid, string.Join("\n", capped.AllProblems()));
        Assert.Equal(1234, capped.Scenarios[0].Ticks);
    }

    [Fact]
    public void Defaults_resolve_into_typed_configuration_with_every_default_filled_in()
    {
        var scenario = SetFixture.Load(SetFixture.ExampleSet).Scenarios[0].Config!;

        Assert.Equal("eurusd_may06", scenario.Name);
        Assert.Equal("EURUSD", scenario.Symbol);
        Assert.Equal(UtcTime.FromDate(new DateOnly(2014, 5, 6)), scenario.StartMs);
        Assert.Equal(UtcTime.FromDate(new DateOnly(2014, 5, 7)), scenario.EndMs);
        var rsi = scenario.Strategy.Workers.Single(w => w.Name == "rsi_fast");
        Assert.Equal(("rsi", Timeframe.M5, 14, "wilder"), (rsi.Type, rsi.Timeframe, rsi.Parameters.Integer("period"), rsi.Parameters.Choice("smoothing")));
        Assert.Equal(42, rsi.WarmupBars); // wilder: 3 x period (SEMANTICS §3)
        var band = scenario.Strategy.Workers.Single(w => w.Name == "band");
        Assert.Equal(20, band.WarmupBars);
        Assert.Equal("aggressive_trend", scenario.Strategy.Decision.Type);
        Assert.Equal("rsi_fast", scenario.Strategy.Decision.Inputs["rsi"]);
        Assert.Equal(0.0, scenario.Strategy.Decision.Parameters.Number("min_free_margin")); // not in the file: built-in default
        Assert.Equal((1, 3, 42UL), (scenario.Account.LatencyMinTicks, scenario.Account.LatencyMaxTicks, scenario.Account.LatencySeed));
        Assert.EndsWith(Path.Combine("configs", "brokers", "vantage_demo.json"), scenario.Account.BrokerFile, StringComparison.Ordinal);
        Assert.Equal(ExecutionMode.Auto, scenario.Execution.Mode);
    }

    [Fact]
    public void An_override_that_changes_a_worker_type_replaces_the_worker_and_merges_the_rest()
    {
        var scenario = SetFixture.Load(SetFixture.ExampleSet).Scenarios[1].Config!;

        var band = scenario.Strategy.Workers.Single(w => w.Name == "band");
        Assert.Equal("bollinger", band.Type);
        Assert.Equal(2, band.Parameters.Number("k"));
        Assert.False(band.Parameters.Numbers.ContainsKey("deviation_pct"));
        Assert.Equal((200.0, 300.0), (scenario.Account.StopLossPoints!.Value, scenario.Account.TakeProfitPoints!.Value));
        Assert.Equal(10_000, scenario.Account.InitialBalance); // untouched defaults survive the merge
    }

    [Fact]
    public void A_grid_expands_to_the_cartesian_product_with_stable_names_first_key_slowest()
    {
        var grid = SetFixture.Load(SetFixture.ExampleSet).Scenarios.Skip(3).Select(s => s.Config!).ToList();

        Assert.Equal(
        [
            "eurusd_grid__rsi_fast.period=10__band.deviation_pct=0.05",
            "eurusd_grid__rsi_fast.period=10__band.deviation_pct=0.1",
            "eurusd_grid__rsi_fast.period=14__band.deviation_pct=0.05",
            "eurusd_grid__rsi_fast.period=14__band.deviation_pct=0.1",
        ], grid.Select(s => s.Name));
        Assert.Equal([10, 10, 14, 14], grid.Select(s => s.Strategy.Workers.Single(w => w.Name == "rsi_fast").Parameters.Integer("period")));
        Assert.Equal([30, 30, 42, 42], grid.Select(s => s.Strategy.Workers.Single(w => w.Name == "rsi_fast").WarmupBars));
        Assert.Equal([0.05, 0.1, 0.05, 0.1], grid.Select(s => s.Strategy.Workers.Single(w => w.Name == "band").Parameters.Number("deviation_pct")));
        Assert.Equal("10", grid[0].GridValues[0].Value);
    }

    [Fact]
    public void Loading_twice_gives_equal_scenarios()
    {
        var first = SetFixture.Load(SetFixture.ExampleSet).Scenarios.Select(s => s.Config!).ToList();
        var second = SetFixture.Load(SetFixture.ExampleSet).Scenarios.Select(s => s.Config!).ToList();
        Assert.Equal(first.Select(s => s.Strategy), second.Select(s => s.Strategy));
        Assert.Equal(first.Select(s => s.Account), second.Select(s => s.Account));
    }
}
