using Finiex.Scenarios.Validation;
using Finiex.Sdk.Catalog;

namespace Finiex.Scenarios.Tests;

/// <summary>Strategies that trade through the API (SEMANTICS §10) are configured and validated like decision logics.</summary>
public sealed class TradingStrategyValidationTests
{
    private static string Set(string decisionParams = "", string account = "", string workers = "", string start = "2014-05-06T00:00:00Z", string broker = "{broker}") => $$"""
        {
          "name": "t",
          "defaults": {
            "strategy": { {{workers}} "decision": { "type": "channel_breakout", "params": { {{(decisionParams.Contains("lookback", StringComparison.Ordinal) ? decisionParams.TrimStart(',', ' ') : "\"lookback\": 20" + decisionParams)}} } } },
            "account": { "initial_balance": 10000, "currency": "USD", "broker": "{{broker}}" {{account}} }
          },
          "scenarios": [ { "name": "s", "symbol": "EURUSD", "start": "{{start}}", "end": "2014-05-07T00:00:00Z" } ]
        }
        """;

    private static ValidationProblem Single(ScenarioSetReport report) => Assert.Single(report.AllProblems(), p => p.Severity == ProblemSeverity.Error);

    [Fact]
    public void The_shipped_channel_breakout_set_is_valid_and_needs_no_workers()
    {
        var report = SetFixture.Load(Path.Combine(SetFixture.RepoRoot, "configs", "scenario_sets", "channel_breakout_example.json"));

        Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
        var decision = report.Scenarios[0].Config!.Strategy.Decision;
        Assert.Empty(report.Scenarios[0].Config!.Strategy.Workers);
        Assert.Equal((TradingStyle.TradingApi, true), (decision.Style, decision.Hedges));
        Assert.Equal(new BarNeed(Finiex.Sdk.Time.Timeframe.M15, 20), Assert.Single(decision.Bars));
        Assert.Contains(report.Scenarios, s => s.Config!.Strategy.Decision.Parameters.Choices["mode"] == "fade");
    }

    [Fact]
    public void Workers_may_sit_beside_a_strategy_for_it_to_read()
    {
        var report = SetFixture.LoadText(Set(workers: "\"workers\": { \"rsi\": { \"type\": \"rsi\", \"timeframe\": \"M5\" } },"));
        Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
        Assert.Single(report.Scenarios[0].Config!.Strategy.Workers);
    }

    [Fact]
    public void The_accounts_stops_belong_to_decision_logics_and_are_refused_with_the_strategys_own_parameter_named()
    {
        var problem = Single(SetFixture.LoadText(Set(account: ", \"stop_loss_points\": 100")));
        Assert.Equal("$.defaults.account.stop_loss_points", problem.Path);
        Assert.Contains("strategy.decision.params.stop_loss_points", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_accounts_stops_are_reported_together_with_the_strategys_own_parameter_problems()
    {
        var problems = SetFixture.LoadText(Set(decisionParams: ", \"mode\": \"momentum\"", account: ", \"take_profit_points\": 100")).AllProblems();
        Assert.Equal(["$.defaults.account.take_profit_points", "$.defaults.strategy.decision.params.mode"],
            problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_hedging_strategy_is_refused_on_a_netting_broker()
    {
        var netting = Path.Combine(Path.GetTempPath(), $"finiex-netting-{Guid.NewGuid():N}.json");
        File.WriteAllText(netting, File.ReadAllText(SetFixture.BrokerPath).Replace("\"retail_hedging\"", "\"retail_netting\"", StringComparison.Ordinal));
        try
        {
            var problem = Single(SetFixture.LoadText(Set(broker: netting.Replace("\\", "\\\\", StringComparison.Ordinal))));
            Assert.Equal("$.defaults.strategy.decision.type", problem.Path);
            Assert.Contains("retail_netting", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(netting);
        }
    }

    [Fact]
    public void The_strategys_bars_need_warmup_history_before_the_start()
    {
        // The sample's ticks start 2014-05-05 05:00: 20 M15 bars before 12:00 exist, 200 do not.
        var problem = Single(SetFixture.LoadText(Set(decisionParams: ", \"lookback\": 200", start: "2014-05-05T12:00:00Z")));
        Assert.Equal("$.defaults.strategy.decision.type", problem.Path);
        Assert.Contains("M15 needs 200 bars", problem.Message, StringComparison.Ordinal);
        Assert.True(SetFixture.LoadText(Set(start: "2014-05-05T12:00:00Z")).IsValid);
    }

    [Theory]
    [InlineData(", \"mode\": \"momentum\"", "mode")]
    [InlineData(", \"timeframe\": \"M2\"", "timeframe")]
    [InlineData(", \"expiry_bars\": 0", "expiry_bars")]
    [InlineData(", \"lot_size\": 0.015", "lot_size")]
    [InlineData(", \"offset\": 3", "offset")]
    public void Bad_parameters_are_named_by_their_path(string decisionParams, string key)
    {
        var problem = Single(SetFixture.LoadText(Set(decisionParams: decisionParams)));
        Assert.EndsWith($".params.{key}", problem.Path, StringComparison.Ordinal);
    }
}
