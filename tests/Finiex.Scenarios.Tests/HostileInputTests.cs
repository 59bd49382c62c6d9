using Finiex.Scenarios.Validation;

namespace Finiex.Scenarios.Tests;

/// <summary>Input that used to crash or slip through: each gets a clear problem with its JSON path, never an exception.</summary>
public sealed class HostileInputTests
{
    private const string Strategy = """
        "strategy": {
          "workers": { "rsi": { "type": "rsi", "timeframe": "M5" }, "band": { "type": "envelope", "timeframe": "M30" } },
          "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
        }
        """;

    private static string Set(string account = "\"initial_balance\": 10000", string start = "2014-05-06", string end = "2014-05-07",
        string strategy = Strategy, string broker = "{broker}") => $$"""
        {
          "name": "hostile",
          "defaults": {
            {{strategy}},
            "account": { {{account}}, "currency": "USD", "broker": "{{broker}}" }
          },
          "scenarios": [ { "name": "a", "symbol": "EURUSD", "start": "{{start}}", "end": "{{end}}" } ]
        }
        """;

    [Fact]
    public void A_key_given_twice_is_reported_with_its_path_and_line()
    {
        var text = Set(account: "\"initial_balance\": 10000,\n \"initial_balance\": 5");
        var line = text[..text.LastIndexOf("\"initial_balance\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var report = SetFixture.LoadText(text);

        var problem = Assert.Single(report.SetProblems);
        Assert.Equal("$.defaults.account.initial_balance", problem.Path);
        Assert.Contains("given twice", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line} ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_inside_an_array_element_has_the_element_in_its_path()
    {
        var report = SetFixture.LoadText("""{ "name": "x", "scenarios": [ { "name": "a" }, { "name": "b", "symbol": "X", "symbol": "Y" } ] }""");

        Assert.Equal("$.scenarios[1].symbol", Assert.Single(report.SetProblems).Path);
    }

    [Theory]
    [InlineData("05/06/2014")]
    [InlineData("2014.05.06 00:00")]
    [InlineData("6 May 2014")]
    [InlineData("2014-05-06 00:00")]
    [InlineData("20140506")]
    public void Dates_are_iso_8601_only(string start)
    {
        var report = SetFixture.LoadText(Set(start: start));

        var problem = Assert.Single(report.AllProblems(), p => p.Path == "$.scenarios[0].start");
        Assert.Contains("not an ISO-8601", problem.Message, StringComparison.Ordinal);
        Assert.Contains("2014-05-06T08:30:00Z", problem.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2014-05-06")]
    [InlineData("2014-05-06T00:00")]
    [InlineData("2014-05-06T00:00:00Z")]
    [InlineData("2014-05-06T02:00:00+02:00")]
    [InlineData("2014-05-06T00:00:00.000Z")]
    public void Iso_dates_and_times_are_accepted(string start)
    {
        var report = SetFixture.LoadText(Set(start: start));

        Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
        Assert.Equal(1399334400000, report.Scenarios[0].Config!.StartMs);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("1e14")]
    public void A_balance_where_a_cent_no_longer_counts_is_refused(string balance)
    {
        var report = SetFixture.LoadText(Set(account: $"\"initial_balance\": {balance}"));

        var problem = Assert.Single(report.AllProblems(), p => p.Path == "$.defaults.account.initial_balance");
        Assert.Contains("at most", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broker_and_store_are_checked_even_when_the_strategy_is_wrong()
    {
        var broken = Strategy.Replace("\"type\": \"aggressive_trend\"", "\"type\": \"no_such_logic\"", StringComparison.Ordinal);
        var report = SetFixture.LoadText($$"""
            {
              "name": "all_at_once",
              "defaults": { {{broken}}, "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}" } },
              "scenarios": [ { "name": "a", "symbol": "EURUSD", "start": "2020-01-01", "end": "2020-01-02" },
                             { "name": "b", "symbol": "NOPE", "start": "2014-05-06", "end": "2014-05-07" } ]
            }
            """);

        var problems = report.AllProblems();
        Assert.Contains(problems, p => p.Message.Contains("unknown decision logic", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.scenarios[0].start" && p.Message.StartsWith("no EURUSD ticks", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.scenarios[1].symbol" && p.Message.Contains("not in broker file", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.scenarios[1].symbol" && p.Message.Contains("has no ticks in the store", StringComparison.Ordinal));
    }

    [Fact]
    public void Warmup_below_what_a_worker_needs_for_a_value_is_a_warning_naming_worker_needed_and_given()
    {
        var shortWarmup = Strategy.Replace("\"rsi\": { \"type\": \"rsi\", \"timeframe\": \"M5\" }",
            "\"rsi\": { \"type\": \"rsi\", \"timeframe\": \"M5\", \"warmup_bars\": 3 }", StringComparison.Ordinal);
        var report = SetFixture.LoadText(Set(strategy: shortWarmup));

        Assert.True(report.IsValid); // a warning, not an error
        var warning = Assert.Single(report.AllProblems(), p => p.Severity == ProblemSeverity.Warning && p.Message.Contains("warmup_bars", StringComparison.Ordinal));
        Assert.Equal("$.defaults.strategy.workers.rsi.warmup_bars", warning.Path);
        Assert.Contains("worker 'rsi' (rsi) needs 15 closes", warning.Message, StringComparison.Ordinal);
        Assert.Contains("warmup_bars 3", warning.Message, StringComparison.Ordinal);
        Assert.Contains("first 11 M5 bar(s)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broker_path_that_is_an_endless_device_is_refused_without_reading_it_all()
    {
        var report = SetFixture.LoadText(Set(broker: "/dev/zero"));

        var problem = Assert.Single(report.AllProblems(), p => p.Path == "$.defaults.account.broker");
        Assert.Contains("larger than 64 MB", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_file_over_the_size_limit_is_refused_before_parsing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"finiex-huge-{Guid.NewGuid():N}.json");
        using (var file = File.Create(path))
        {
            file.SetLength(ScenarioSetLoader.MaxSetFileBytes + 1);
        }

        try
        {
            var problem = Assert.Single(SetFixture.Load(path).SetProblems);
            Assert.Contains("MB a scenario set may be", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_set_of_many_disabled_scenarios_validates_in_linear_time_and_is_capped()
    {
        var scenarios = string.Join(",\n", Enumerable.Range(0, ScenarioSetLoader.MaxScenarios + 10)
            .Select(i => $$"""{ "name": "s{{i}}", "symbol": "EURUSD", "start": "2014-05-06", "end": "2014-05-07", "enabled": false }"""));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = SetFixture.LoadText($$"""{ "name": "many", "defaults": { {{Strategy}}, "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}" } }, "scenarios": [ {{scenarios}} ] }""");

        var problem = Assert.Single(report.SetProblems);
        Assert.Contains("more than 100,000 scenarios", problem.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioSetLoader.MaxScenarios, report.Scenarios.Length);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{clock.Elapsed.TotalSeconds:0.0} s"); // generous cap: a quadratic load took minutes
    }

    [Fact]
    public void A_broker_without_a_stop_out_level_gets_a_warning_that_stop_out_is_off()
    {
        var broker = Path.Combine(Path.GetTempPath(), $"finiex-broker-{Guid.NewGuid():N}.json");
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(SetFixture.BrokerPath))!;
        node["broker_info"]!.AsObject().Remove("stopout_level");
        File.WriteAllText(broker, node.ToJsonString());
        try
        {
            var report = SetFixture.LoadText(Set(broker: broker));

            Assert.True(report.IsValid);
            var warning = Assert.Single(report.AllProblems(), p => p.Severity == ProblemSeverity.Warning);
            Assert.Equal("$.defaults.account.broker", warning.Path);
            Assert.Contains("no stop-out level: stop-out is off", warning.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broker);
        }
    }
}
