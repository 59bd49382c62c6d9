namespace Finiex.Scenarios.Tests;

public sealed class MergeAndGridTests
{
    private const string Defaults = """
        "defaults": {
          "strategy": {
            "workers": {
              "rsi": { "type": "rsi", "timeframe": "M5", "params": { "period": 14, "smoothing": "simple" } },
              "band": { "type": "envelope", "timeframe": "M30", "params": { "period": 20, "deviation_pct": 0.1 } }
            },
            "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" }, "params": { "rsi_buy": 30 } }
          },
          "account": { "initial_balance": 1000, "currency": "USD", "broker": "{broker}", "commission_per_lot": 3.5 }
        }
        """;

    private static string Set(string scenarios) => $$"""{ "name": "t", {{Defaults}}, "scenarios": [ {{scenarios}} ] }""";

    [Fact]
    public void Objects_merge_key_by_key_and_null_restores_the_built_in_default()
    {
        var report = SetFixture.LoadText(Set("""
            { "name": "a", "symbol": "EURUSD", "start": "2014-05-06", "end": "2014-05-07",
              "overrides": { "strategy": { "workers": { "rsi": { "params": { "period": 9, "smoothing": null } } },
                                           "decision": { "params": { "rsi_buy": null } } },
                             "account": { "commission_per_lot": 7 } } }
            """));

        Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
        var config = report.Scenarios[0].Config!;
        var rsi = config.Strategy.Workers.Single(w => w.Name == "rsi");
        Assert.Equal(9, rsi.Parameters.Integer("period"));
        Assert.Equal("wilder", rsi.Parameters.Choice("smoothing")); // null: back to the built-in default
        Assert.Equal(27, rsi.WarmupBars);
        Assert.Equal(35, config.Strategy.Decision.Parameters.Number("rsi_buy"));
        Assert.Equal(7, config.Account.CommissionPerLot);
        Assert.Equal(1000, config.Account.InitialBalance);
        Assert.Equal(0.1, config.Strategy.Workers.Single(w => w.Name == "band").Parameters.Number("deviation_pct"));
    }

    [Fact]
    public void A_bad_grid_value_is_reported_at_its_place_in_the_grid()
    {
        var report = SetFixture.LoadText(Set("""
            { "name": "g", "symbol": "EURUSD", "start": "2014-05-06", "end": "2014-05-07",
              "grid": { "strategy.workers.rsi.params.period": [10, 0], "account.commission_per_lot": [1] } }
            """));

        Assert.Equal(2, report.Scenarios.Length);
        Assert.True(report.Scenarios[0].IsValid);
        Assert.False(report.Scenarios[1].IsValid);
        var problem = Assert.Single(report.AllProblems());
        Assert.Equal("$.scenarios[0].grid['strategy.workers.rsi.params.period'][1]", problem.Path);
        Assert.Equal(["g__rsi.period=10__commission_per_lot=1", "g__rsi.period=0__commission_per_lot=1"], report.Scenarios.Select(s => s.Name));
    }

    [Fact]
    public void Grid_values_for_a_worker_without_params_are_accepted()
    {
        var report = SetFixture.LoadText($$"""
            { "name": "t",
              "defaults": {
                "strategy": {
                  "workers": { "rsi": { "type": "rsi", "timeframe": "M5" }, "band": { "type": "bollinger", "timeframe": "M30" } },
                  "decision": { "type": "simple_consensus", "inputs": { "rsi": "rsi", "band": "band" } }
                },
                "account": { "initial_balance": 1000, "currency": "USD", "broker": "{broker}" }
              },
              "scenarios": [ { "name": "g", "symbol": "EURUSD", "start": "2014-05-06", "end": "2014-05-07",
                               "grid": { "strategy.workers.band.params.k": [1.5, 2.5, 3] } } ]
            }
            """);

        Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
        Assert.Equal([1.5, 2.5, 3], report.Scenarios.Select(s => s.Config!.Strategy.Workers.Single(w => w.Name == "band").Parameters.Number("k")));
    }

    [Fact]
    public void Duplicate_scenario_names_are_errors()
    {
        var report = SetFixture.LoadText(Set("""
            { "name": "same", "symbol": "EURUSD", "start": "2014-05-06", "end": "2014-05-07" },
            { "name": "SAME", "symbol": "EURUSD", "start": "2014-05-06", "end": "2014-05-07" }
            """));

        Assert.Contains(report.SetProblems, p => p.Message.Contains("used 2 times", StringComparison.Ordinal));
        Assert.False(report.IsValid);
        Assert.Null(report.ToRunnableSet());
    }

    [Fact]
    public void A_json_syntax_error_names_the_line()
    {
        var report = SetFixture.LoadText("{\n  \"name\": \"x\",\n  \"scenarios\": [\n    { \"name\": \"a\" \"symbol\": \"EURUSD\" }\n  ]\n}");

        var problem = Assert.Single(report.SetProblems);
        Assert.Matches(@"\.json:4:\d+$", problem.Path);
        Assert.Contains("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_not_thrown()
    {
        var report = SetFixture.Load("/no/such/set.json");
        Assert.Contains("not found", Assert.Single(report.SetProblems).Message, StringComparison.Ordinal);
    }
}
