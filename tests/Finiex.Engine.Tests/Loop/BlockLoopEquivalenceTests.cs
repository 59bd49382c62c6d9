using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Finiex.Engine.Tests.Golden;
using Finiex.Orchestration.Preparation;
using Finiex.Sdk.Decisions;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Tests.Loop;

/// <summary>
/// The tick loop runs each step over a block of ticks; these tests run the same scenarios with the steps run tick by
/// tick (a decision that does not decide blocks) and with workers that only update tick by tick, and require every
/// trade, statistic, bar and worker value at every bar close to be bit for bit the same.
/// </summary>
public sealed class BlockLoopEquivalenceTests
{
    private const string Set = """
        {
          "name": "blocks",
          "defaults": {
            "strategy": {
              "workers": {
                "rsi": { "type": "rsi", "timeframe": "M5", "params": { "period": 14 } },
                "band": { "type": "envelope", "timeframe": "M30", "params": { "period": 20 } },
                "trend": { "type": "sma", "timeframe": "H1", "params": { "period": 5 } }
              },
              "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
            },
            "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}", "latency_ticks": { "min": 1, "max": 6 }, "commission_per_lot": 3.5 }
          },
          "scenarios": [
            { "name": "reference_two_days", "symbol": "EURUSD", "start": "2014-05-05T20:00:00Z", "end": "2014-05-07T02:00:00Z" },
            { "name": "m1_simple_rsi_bollinger_stops", "symbol": "EURUSD", "start": "2014-05-06T06:00:00Z", "max_ticks": 40000,
              "overrides": {
                "strategy": { "workers": {
                  "rsi": { "type": "rsi", "timeframe": "M1", "params": { "period": 9, "smoothing": "simple" } },
                  "band": { "type": "bollinger", "timeframe": "M5", "params": { "period": 12, "k": 1.5 } } } },
                "account": { "stop_loss_points": 80, "take_profit_points": 120 } } },
            { "name": "consensus_nzdusd", "symbol": "NZDUSD", "start": "2014-05-06T00:00:00Z", "max_ticks": 30000,
              "overrides": { "strategy": { "decision": { "type": "simple_consensus", "inputs": { "rsi": "rsi", "band": "band" },
                "params": { "rsi_low": 49, "rsi_high": 51, "band_low": 0.49, "band_high": 0.51, "min_confidence": 0.5 } } },
                "account": { "stop_loss_points": 30, "take_profit_points": 30 } } },
            { "name": "short_warmup_gets_ready_mid_run", "symbol": "EURUSD", "start": "2014-05-05T07:00:00Z", "end": "2014-05-06T02:00:00Z", "allow_short_warmup": true,
              "overrides": { "account": { "stop_loss_points": 30, "take_profit_points": 30 } } }
          ]
        }
        """;

    [Fact]
    public void Blocks_give_the_results_of_tick_by_tick_steps_bit_for_bit()
    {
        var report = EngineRun.Load(Set, EngineRun.SampleStore);
        using var builder = new PackageBuilder(EngineRun.SampleStore, new RunOptions { TraceBars = true });
        var packages = report.Scenarios.Select(s => builder.Build(report.Name, s.Config!)).ToList();

        foreach (var package in packages)
        {
            var blocks = Run(StrategyCatalog.CreateDefault(), package);
            var tickByTick = Run(TickByTickDecisions(), package);
            var tickByTickWorkers = Run(TickByTickWorkers(), package);
            Assert.True(blocks.Statistics!.Trades > 3, $"{package.ScenarioName}: too few trades ({blocks.Statistics.Trades}) to compare");
            AssertSame(tickByTick, blocks, package.ScenarioName);
            AssertSame(tickByTickWorkers, blocks, package.ScenarioName);
        }
    }

    private static ProcessResult Run(StrategyCatalog catalog, ProcessDataPackage package)
    {
        var result = new ScenarioRunner(catalog, StoreTickData.Open).Run(package);
        Assert.True(result.Success, result.Error?.ToString());
        return result;
    }

    private static void AssertSame(ProcessResult expected, ProcessResult actual, string scenario)
    {
        Assert.Equal(expected.Statistics, actual.Statistics);
        Assert.Equal(expected.Trades, actual.Trades);
        Assert.Equal(expected.BarTraces.Count, actual.BarTraces.Count);
        for (var t = 0; t < expected.BarTraces.Count; t++)
        {
            var (e, a) = (expected.BarTraces[t], actual.BarTraces[t]);
            Assert.True(e.Bars.Count > 0, scenario);
            Assert.Equal(e.Columns, a.Columns);
            Assert.Equal(e.Bars.Starts, a.Bars.Starts);
            Assert.Equal(e.Bars.Open, a.Bars.Open);
            Assert.Equal(e.Bars.High, a.Bars.High);
            Assert.Equal(e.Bars.Low, a.Bars.Low);
            Assert.Equal(e.Bars.Close, a.Bars.Close);
            Assert.Equal(e.Bars.TickCounts, a.Bars.TickCounts);
            Assert.Equal(e.Values.Select(BitConverter.DoubleToInt64Bits), a.Values.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    /// <summary>The built-in types, with every decision wrapped in one that decides tick by tick.</summary>
    private static StrategyCatalog TickByTickDecisions()
    {
        var catalog = new StrategyCatalog();
        foreach (var worker in BuiltInWorkerTypes.All)
        {
            catalog.Add(worker);
        }

        foreach (var decision in BuiltInDecisionTypes.All)
        {
            catalog.Add(decision with { Create = context => new TickByTickDecision(decision.Create(context)) });
        }

        return catalog;
    }

    /// <summary>The built-in types, with every oscillator and band worker wrapped in one that only updates tick by tick.</summary>
    private static StrategyCatalog TickByTickWorkers()
    {
        var catalog = new StrategyCatalog();
        foreach (var worker in BuiltInWorkerTypes.All)
        {
            catalog.Add(worker with
            {
                Create = context => worker.Create(context) switch
                {
                    OscillatorWorker oscillator => new TickByTickOscillator(oscillator),
                    BandWorker band => new TickByTickBand(band),
                    var other => other,
                },
            });
        }

        foreach (var decision in BuiltInDecisionTypes.All)
        {
            catalog.Add(decision);
        }

        return catalog;
    }

    private sealed class TickByTickDecision(DecisionLogic inner) : DecisionLogic
    {
        public override string Name => inner.Name;

        public override Decision Decide(double mid) => inner.Decide(mid);
    }

    private sealed class TickByTickOscillator(OscillatorWorker inner) : OscillatorWorker(inner.Name, inner.Timeframe)
    {
        public override void CommitClose(double close) => inner.CommitClose(close);

        public override void Update(double formingClose)
        {
            inner.Update(formingClose);
            (Value, IsReady) = (inner.Value, inner.IsReady);
        }
    }

    private sealed class TickByTickBand(BandWorker inner) : BandWorker(inner.Name, inner.Timeframe)
    {
        public override void CommitClose(double close) => inner.CommitClose(close);

        public override void Update(double formingClose)
        {
            inner.Update(formingClose);
            (Lower, Middle, Upper, IsReady) = (inner.Lower, inner.Middle, inner.Upper, inner.IsReady);
        }
    }
}
