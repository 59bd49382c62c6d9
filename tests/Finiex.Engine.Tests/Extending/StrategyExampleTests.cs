using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Finiex.Examples;
using Finiex.Orchestration.Preparation;
using Finiex.Scenarios;

namespace Finiex.Engine.Tests.Extending;

/// <summary>The example of docs/trading-api.md: a user-defined strategy registered, validated and run through the trading API.</summary>
public sealed class StrategyExampleTests
{
    private const string Set = """
        {
          "name": "dip",
          "defaults": {
            "strategy": { "decision": { "type": "buy_the_dip", "params": { "drop_points": 20 } } },
            "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}" }
          },
          "scenarios": [ { "name": "a", "symbol": "EURUSD", "start": "2014-05-06", "end": "2014-05-08" } ]
        }
        """;

    [Fact]
    public void A_registered_strategy_is_validated_and_runs_through_the_trading_api()
    {
        var path = Path.Combine(Path.GetTempPath(), $"finiex-dip-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Set.Replace("{broker}", Golden.EngineRun.Broker, StringComparison.Ordinal));
        try
        {
            var plain = new ScenarioSetLoader(StrategyCatalog.CreateDefault(), Golden.EngineRun.SampleStore).Load(path);
            Assert.Contains(plain.AllProblems(), p => p.Message.Contains("unknown decision logic or strategy 'buy_the_dip'", StringComparison.Ordinal));

            var catalog = StrategyCatalog.CreateDefault().Add(BuyTheDip.Registration);
            var report = new ScenarioSetLoader(catalog, Golden.EngineRun.SampleStore).Load(path);
            Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));

            using var builder = new PackageBuilder(Golden.EngineRun.SampleStore, new Contracts.Packages.RunOptions());
            var package = builder.Build(report.Name, report.Scenarios[0].Config!);
            var result = new ScenarioRunner(catalog, Data.Store.StoreTickData.Open).Run(package);

            Assert.True(result.Success, result.Error?.ToString());
            Assert.NotEmpty(result.Trades);
            Assert.All(result.Trades, t => Assert.Equal("long", t.Side));
            Assert.Contains(result.Trades, t => t.CloseReason is "trailing_stop" or "stop_loss");
            Assert.Equal(result.Statistics!.OrdersSent, result.Statistics.OrdersFilled + result.Statistics.OrdersCancelled);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_strategy_and_a_decision_logic_cannot_share_a_name()
    {
        var clash = new StrategyRegistration(BuyTheDip.Info with { TypeName = "aggressive_trend" }, _ => new BuyTheDip(0.1, 1));
        Assert.Throws<InvalidOperationException>(() => StrategyCatalog.CreateDefault().Add(clash));
        Assert.Throws<ArgumentException>(() => StrategyCatalog.CreateDefault().Add(new DecisionRegistration(BuyTheDip.Info, _ => throw new InvalidOperationException())));
    }
}
