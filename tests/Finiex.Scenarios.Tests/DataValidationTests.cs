using Finiex.Scenarios.Validation;

namespace Finiex.Scenarios.Tests;

/// <summary>Checks against the broker export and the sample store (SEMANTICS §3, §6, §7).</summary>
public sealed class DataValidationTests
{
    private static readonly ScenarioSetReport Report = SetFixture.Load(SetFixture.Fixture("data_problems.json"));

    private static ScenarioReport Scenario(string name) => Report.Scenarios.Single(s => s.Name == name);

    [Fact]
    public void Short_warmup_names_symbol_timeframe_needed_and_found()
    {
        var problem = Assert.Single(Scenario("short_warmup").Problems, p => p.Message.Contains("warmup", StringComparison.Ordinal));
        Assert.Contains("NZDUSD H4 needs 20 bars before 2014-05-06T00:00:00.000Z, found 5", problem.Message, StringComparison.Ordinal);
        Assert.Equal("$.defaults.strategy.workers.band", problem.Path);
    }

    [Fact]
    public void A_window_without_ticks_says_what_the_store_holds()
    {
        var problem = Assert.Single(Scenario("no_data").Problems, p => p.Message.StartsWith("no EURUSD ticks", StringComparison.Ordinal));
        Assert.Equal("$.scenarios[1].start", problem.Path);
        Assert.Contains("2014-05-05", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbol_missing_from_the_store_is_an_error_with_the_import_command()
    {
        var problem = Assert.Single(Scenario("not_in_store").Problems, p => p.Message.Contains("has no ticks in the store", StringComparison.Ordinal));
        Assert.Contains("finiex data import", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Lot_sizes_off_the_volume_grid_are_errors()
    {
        var problem = Assert.Single(Scenario("short_warmup").Problems, p => p.Message.Contains("volume grid", StringComparison.Ordinal));
        Assert.Equal("$.defaults.strategy.decision.params.lot_size", problem.Path);
    }

    [Fact]
    public void A_currency_without_a_conversion_symbol_is_an_error()
    {
        // EUR account: NZDUSD profit converts through EURUSD (in the store), its margin would need EURNZD (absent).
        var problems = Scenario("short_warmup").Problems.Where(p => p.Message.Contains("no conversion", StringComparison.Ordinal)).ToList();
        var problem = Assert.Single(problems);
        Assert.Contains("NZD", problem.Message, StringComparison.Ordinal);
        Assert.Contains("margin", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_scenarios_are_not_checked_and_do_not_invalidate_the_set()
    {
        Assert.False(Scenario("off").Enabled);
        Assert.Empty(Scenario("off").Problems);
        Assert.Contains("off", Report.ToRunnableSet()!.DisabledScenarios);
    }

    [Fact]
    public void Symbols_missing_from_the_broker_are_errors_with_a_suggestion()
    {
        var report = SetFixture.LoadText("""
            {
              "name": "typo",
              "defaults": {
                "strategy": {
                  "workers": { "r": { "type": "rsi", "timeframe": "M5" }, "b": { "type": "envelope", "timeframe": "M30" } },
                  "decision": { "type": "aggressive_trend", "inputs": { "rsi": "r", "band": "b" } }
                },
                "account": { "initial_balance": 1000, "currency": "USD", "broker": "{broker}" }
              },
              "scenarios": [ { "name": "x", "symbol": "EURUSX", "start": "2014-05-06", "end": "2014-05-07" } ]
            }
            """);

        var problem = Assert.Single(report.AllProblems(), p => p.Message.Contains("not in broker file", StringComparison.Ordinal));
        Assert.Equal("$.scenarios[0].symbol", problem.Path);
        Assert.Equal("did you mean 'EURUSD'?", problem.Hint);
    }
}
