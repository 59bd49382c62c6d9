using System.Collections.Concurrent;
using System.Text.Json;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Finiex.Engine.Tests.Golden;
using Finiex.Orchestration.Preparation;
using Finiex.Scenarios;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Decisions;
using Finiex.Tests.Shared;

namespace Finiex.Engine.Tests.Loop;

/// <summary>
/// A fused sweep runs the scenarios over the same ticks in one pass, sharing bars and workers; every scenario's result
/// must be the one it gets alone, bit for bit, and one scenario's failure or cancellation must not touch the others.
/// </summary>
public sealed class FusedSweepTests
{
    /// <summary>Two worker shapes per kind (so some workers are shared and some not), SL/TP, swaps, commissions, random latencies, three logics.</summary>
    private const string Grid = """
        {
          "name": "fused",
          "defaults": {
            "strategy": {
              "workers": {
                "rsi": { "type": "rsi", "timeframe": "M5", "params": { "period": 14 } },
                "band": { "type": "envelope", "timeframe": "M30", "params": { "period": 20, "deviation_pct": 0.1 } }
              },
              "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
            },
            "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}", "latency_ticks": { "min": 1, "max": 7 },
                         "commission_per_lot": 3.5, "apply_swap": true }
          },
          "scenarios": [
            { "name": "grid", "symbol": "EURUSD", "start": "2014-05-05T20:00:00Z", "end": "2014-05-08T00:00:00Z",
              "grid": {
                "strategy.workers.rsi.params.period": [9, 14],
                "strategy.workers.band.params.deviation_pct": [0.05, 0.1],
                "account.latency_seed": [1, 2]
              } },
            { "name": "stops", "symbol": "EURUSD", "start": "2014-05-05T20:00:00Z", "end": "2014-05-08T00:00:00Z",
              "grid": { "account.stop_loss_points": [30, 80], "account.take_profit_points": [40, 120] } },
            { "name": "consensus", "symbol": "EURUSD", "start": "2014-05-05T20:00:00Z", "end": "2014-05-08T00:00:00Z",
              "overrides": { "strategy": { "decision": { "type": "simple_consensus", "inputs": { "rsi": "rsi", "band": "band" },
                "params": { "rsi_low": 49, "rsi_high": 51, "band_low": 0.49, "band_high": 0.51, "min_confidence": 0.5 } } },
                "account": { "stop_loss_points": 30, "take_profit_points": 30, "latency_seed": 7 } } },
            { "name": "bollinger_m1", "symbol": "EURUSD", "start": "2014-05-05T20:00:00Z", "end": "2014-05-08T00:00:00Z",
              "overrides": { "strategy": { "workers": {
                "rsi": { "type": "rsi", "timeframe": "M1", "params": { "period": 9, "smoothing": "simple" } },
                "band": { "type": "bollinger", "timeframe": "M5", "params": { "period": 12, "k": 1.5 } } } } } },
            { "name": "other_window", "symbol": "EURUSD", "start": "2014-05-06T06:00:00Z", "end": "2014-05-07T12:00:00Z" }
          ]
        }
        """;

    [Fact]
    public void The_example_set_fused_gives_every_scenario_its_result_alone()
    {
        var report = new ScenarioSetLoader(StrategyCatalog.CreateDefault(), EngineRun.SampleStore).Load(Path.Combine(RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json"));
        AssertFusedSameAsAlone(Packages(report), StrategyCatalog.CreateDefault());
    }

    [Fact]
    public void A_grid_with_stops_swaps_latencies_and_mixed_logics_fused_gives_every_scenario_its_result_alone()
    {
        var packages = Packages(EngineRun.Load(Grid, EngineRun.SampleStore));
        // Two scenarios decide tick by tick (as a plug-in logic that does not decide blocks): they share the workers of the others.
        var (created, decided) = (0, 0);
        var catalog = WithTickByTickTrend(() => Interlocked.Increment(ref created), () => Interlocked.Increment(ref decided));
        packages = [.. packages.Select((p, i) => i is 1 or 6 ? p with { Decision = p.Decision with { Type = TickByTickTrend } } : p)];
        Assert.Equal(15, packages.Count);
        var results = AssertFusedSameAsAlone(packages, catalog);
        // Alone: two workers per scenario. Fused: each distinct one once — rsi M5 9 and 14, envelope 0.05 and 0.1, the
        // M1 rsi and the bollinger in the main window; rsi and envelope again in the other window.
        Assert.Equal((15 * 2) + 8, created);
        // Alone: a logic per scenario. Fused: one per distinct logic, parameters and input workers — scenarios that differ
        // only in their account (latency seed, stops) share it: 6 in the grid (two of them tick by tick), the stops' four
        // share the grid's rsi 14 / envelope 0.1 one, consensus, bollinger and the other window one each.
        Assert.Equal(15 + 9, decided);
        Assert.All(results.Where(r => !r.ScenarioName.StartsWith("other", StringComparison.Ordinal)), r => Assert.True(r.Statistics!.Trades > 3, $"{r.ScenarioName}: {r.Statistics.Trades} trades"));
        Assert.Contains(results, r => r.Trades.Any(t => t.CloseReason is "stop_loss" or "take_profit"));
        Assert.Contains(results, r => r.Trades.Any(t => t.Swap != 0));
    }

    [Fact]
    public void Trading_api_strategies_fused_give_every_scenario_its_result_alone()
    {
        var report = new ScenarioSetLoader(StrategyCatalog.CreateDefault(), EngineRun.SampleStore).Load(Path.Combine(RepoPaths.Root, "configs", "scenario_sets", "channel_breakout_example.json"));
        var results = AssertFusedSameAsAlone(Packages(report), StrategyCatalog.CreateDefault());
        Assert.True(results.Sum(r => r.Statistics!.Trades) > 20);
    }

    [Fact]
    public void A_scenario_that_throws_or_is_canceled_inside_a_fused_group_leaves_the_others_untouched()
    {
        var packages = Packages(EngineRun.Load(Grid, EngineRun.SampleStore)).Take(8).ToList();
        var catalog = WithTickByTickTrend();
        catalog.Add(new DecisionRegistration(catalog.Decision("aggressive_trend").Info with { TypeName = "throws_midway" }, _ => new ThrowsMidway(30_000)));
        packages[2] = packages[2] with { Decision = packages[2].Decision with { Type = "throws_midway" } };
        using var cancelFifth = new CancellationTokenSource();
        var progress = new ConcurrentDictionary<int, ConcurrentBag<LiveProgress>>();
        var runner = new ScenarioRunner(catalog, StoreTickData.Open, package => new ScenarioChannels(
            new CollectingSink(progress.GetOrAdd(package.ScenarioIndex, _ => []), package.ScenarioIndex == packages[5].ScenarioIndex ? cancelFifth : null),
            null, package.ScenarioIndex == packages[5].ScenarioIndex ? cancelFifth.Token : default));
        var finished = new List<int>();
        var fused = runner.Run(packages, result => finished.Add(result.ScenarioIndex));

        Assert.Equal(FailureKind.ScenarioError, fused[2].Error!.Kind);
        Assert.Contains("30000", fused[2].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.Canceled, fused[5].Error!.Kind);
        Assert.Equal([2, 5], finished.Take(2).Select(i => packages.FindIndex(p => p.ScenarioIndex == i)).Order());
        for (var i = 0; i < packages.Count; i++)
        {
            if (i is not (2 or 5))
            {
                AssertSame(Alone(catalog, packages[i]), fused[i]);
            }

            // Progress and logs stay per scenario.
            Assert.All(progress[packages[i].ScenarioIndex], p => Assert.Equal(packages[i].ScenarioName, p.ScenarioName));
            Assert.Contains(fused[i].Log, line => line.Message.Contains($"'{packages[i].ScenarioName}'", StringComparison.Ordinal));
            Assert.DoesNotContain(fused[i].Log, line => packages.Where((_, j) => j != i).Any(p => line.Message.Contains($"'{p.ScenarioName}'", StringComparison.Ordinal)));
        }
    }

    private const string TickByTickTrend = "tick_by_tick_trend";

    /// <summary>The built-in types (each worker and logic made counted when the actions are given) and a logic that decides tick by tick.</summary>
    private static StrategyCatalog WithTickByTickTrend(Action? workerMade = null, Action? decisionMade = null)
    {
        var catalog = new StrategyCatalog();
        foreach (var worker in BuiltInWorkerTypes.All)
        {
            catalog.Add(worker with
            {
                Create = context =>
                {
                    workerMade?.Invoke();
                    return worker.Create(context);
                },
            });
        }

        foreach (var decision in BuiltInDecisionTypes.All)
        {
            catalog.Add(decision with
            {
                Create = context =>
                {
                    decisionMade?.Invoke();
                    return decision.Create(context);
                },
            });
        }

        var trend = catalog.Decision("aggressive_trend");
        catalog.Add(new DecisionRegistration(trend.Info with { TypeName = TickByTickTrend }, context => new TickByTickDecision(trend.Create(context))));
        return catalog;
    }

    private static List<ProcessDataPackage> Packages(Scenarios.Validation.ScenarioSetReport report)
    {
        Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
        using var builder = new PackageBuilder(EngineRun.SampleStore, new RunOptions { Profiling = true });
        return [.. report.Scenarios.Select(s => builder.Build(report.Name, s.Config!))];
    }

    private static IReadOnlyList<ProcessResult> AssertFusedSameAsAlone(List<ProcessDataPackage> packages, StrategyCatalog catalog)
    {
        var fused = new ScenarioRunner(catalog, StoreTickData.Open).Run(packages, null);
        Assert.Equal(packages.Select(p => p.ScenarioIndex), fused.Select(r => r.ScenarioIndex));
        for (var i = 0; i < packages.Count; i++)
        {
            AssertSame(Alone(catalog, packages[i]), fused[i]);
        }

        return fused;
    }

    private static ProcessResult Alone(StrategyCatalog catalog, ProcessDataPackage package)
    {
        var result = new ScenarioRunner(catalog, StoreTickData.Open).Run(package);
        Assert.True(result.Success, result.Error?.ToString());
        return result;
    }

    private static void AssertSame(ProcessResult alone, ProcessResult fused)
    {
        Assert.True(fused.Success, fused.Error?.ToString());
        Assert.Equal(alone.Statistics, fused.Statistics);
        Assert.Equal(JsonSerializer.Serialize(alone.ReportStatistics), JsonSerializer.Serialize(fused.ReportStatistics));
        Assert.Equal(alone.Trades, fused.Trades);
        Assert.Equal(alone.EquityCurve!.Times, fused.EquityCurve!.Times);
        Assert.Equal(alone.EquityCurve.Equity.Select(BitConverter.DoubleToInt64Bits), fused.EquityCurve.Equity.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(alone.EquityCurve.Low.Select(BitConverter.DoubleToInt64Bits), fused.EquityCurve.Low.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(alone.EquityCurve.High.Select(BitConverter.DoubleToInt64Bits), fused.EquityCurve.High.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(alone.Profile!.Operations.Select(o => o.Name), fused.Profile!.Operations.Select(o => o.Name));
        Assert.Equal(alone.Profile.WorkerDecision.Select(o => o.Name), fused.Profile.WorkerDecision.Select(o => o.Name));
    }

    private sealed class TickByTickDecision(DecisionLogic inner) : DecisionLogic
    {
        public override string Name => TickByTickTrend;

        public override Decision Decide(double mid) => inner.Decide(mid);
    }

    private sealed class ThrowsMidway(int failAt) : DecisionLogic
    {
        private int _ticks;

        public override string Name => "throws_midway";

        public override Decision Decide(double mid) =>
            ++_ticks == failAt ? throw new InvalidOperationException($"broken at tick {failAt}") : Decision.Flat;
    }

    /// <summary>Keeps a scenario's progress; cancels its scenario at the tenth checkpoint when given a source.</summary>
    private sealed class CollectingSink(ConcurrentBag<LiveProgress> into, CancellationTokenSource? cancelAtTenth) : IProgressSink
    {
        private int _checkpoints;

        public void Report(in LiveProgress progress) => into.Add(progress);

        public void Checkpoint(long ticksProcessed)
        {
            if (++_checkpoints == 10)
            {
                cancelAtTenth?.Cancel();
            }
        }
    }
}
