using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Finiex.Examples;
using Finiex.Orchestration.Preparation;
using Finiex.Scenarios;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Trading;
using Finiex.Sdk.Workers;

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
    public void A_strategy_reads_its_worker_inputs_and_closes_its_own_positions_in_parts()
    {
        var info = new DecisionTypeInfo
        {
            TypeName = "rsi_scaler",
            Description = "Buys 0.2 lots when RSI is low; closes half when it is back above 50, the rest above 60.",
            Inputs = [new DecisionInput("rsi", WorkerOutput.Oscillator, "an RSI worker")],
            Style = TradingStyle.TradingApi,
            Parameters = [],
        };
        var catalog = StrategyCatalog.CreateDefault().Add(new StrategyRegistration(info, c => new RsiScaler(c.Input<OscillatorWorker>("rsi"))));
        var json = Set.Replace("{broker}", Golden.EngineRun.Broker, StringComparison.Ordinal).Replace(
            "\"strategy\": { \"decision\": { \"type\": \"buy_the_dip\", \"params\": { \"drop_points\": 20 } } }",
            "\"strategy\": { \"workers\": { \"fast\": { \"type\": \"rsi\", \"timeframe\": \"M1\", \"params\": { \"period\": 7 } } }, \"decision\": { \"type\": \"rsi_scaler\", \"inputs\": { \"rsi\": \"fast\" } } }",
            StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"finiex-scaler-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var report = new ScenarioSetLoader(catalog, Golden.EngineRun.SampleStore).Load(path);
            Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
            using var builder = new PackageBuilder(Golden.EngineRun.SampleStore, new Contracts.Packages.RunOptions());
            var result = new ScenarioRunner(catalog, Data.Store.StoreTickData.Open).Run(builder.Build(report.Name, report.Scenarios[0].Config!));

            Assert.True(result.Success, result.Error?.ToString());
            var closes = result.Trades.Where(t => t.CloseReason == "close_request").ToList();
            Assert.True(closes.Count >= 4, $"expected several closes by request, got {closes.Count}");
            Assert.All(closes, t => Assert.Equal(0.1, t.Lots, 9)); // each position closed in two halves
            Assert.Equal(result.Statistics!.OrdersFilled, result.Statistics.OrdersSent - result.Statistics.OrdersCancelled - result.Statistics.RequestsDropped);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A test strategy on an RSI input: buys 0.2 lots below 30, closes 0.1 above 50 and the rest above 60.</summary>
    private sealed class RsiScaler(OscillatorWorker rsi) : TradingStrategy
    {
        private enum Stage
        {
            Flat,
            Opening,
            Open,
            HalfClosing,
            Closing,
        }

        private Stage _stage;

        public override string Name => "rsi_scaler";

        public override void OnTick(TradingContext context)
        {
            var position = context.Positions.Count > 0 ? context.Positions[0] : null;
            switch (_stage)
            {
                case Stage.Flat when rsi.Value < 30:
                    _stage = context.OpenMarket(TradeSide.Long, 0.2) == RequestRejection.None ? Stage.Opening : Stage.Flat;
                    break;
                case Stage.Opening when position is not null:
                    _stage = Stage.Open;
                    break;
                case Stage.Open when rsi.Value > 50:
                    context.Close(position!.Id, 0.1);
                    _stage = Stage.HalfClosing;
                    break;
                case Stage.HalfClosing when position is { Lots: < 0.2 } && rsi.Value > 60:
                    context.Close(position.Id);
                    _stage = Stage.Closing;
                    break;
                case Stage.Closing when position is null:
                    _stage = Stage.Flat;
                    break;
            }
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
