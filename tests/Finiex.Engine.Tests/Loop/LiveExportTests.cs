using Finiex.Contracts.Packages;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Finiex.Engine.Tests.Golden;
using Finiex.Orchestration.Preparation;
using Finiex.Sdk.Time;

namespace Finiex.Engine.Tests.Loop;

/// <summary>The optional parts of live updates (SEMANTICS-free: a view of the state at the update's tick).</summary>
public sealed class LiveExportTests
{
    private const string Set = """
        {
          "name": "live",
          "defaults": {
            "strategy": {
              "workers": { "rsi": { "type": "rsi", "timeframe": "M5" }, "band": { "type": "envelope", "timeframe": "M30" } },
              "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
            },
            "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}" },
            "execution": { {exports} }
          },
          "scenarios": [ { "name": "a", "symbol": "EURUSD", "start": "2014-05-06T00:00:00Z", "end": "2014-05-07T00:00:00Z" } ]
        }
        """;

    [Fact]
    public void The_last_tick_update_carries_the_switched_on_exports_of_the_state_at_that_tick()
    {
        var (package, updates, result) = Run("\"export_portfolio_stats\": true, \"export_performance_stats\": true, \"export_current_bars\": true");
        var last = updates.Last(u => u.Status == ScenarioStatus.Running);
        using var ticks = StoreTickData.Open(package.Ticks);
        var lastTime = ticks.Times[^1];
        var lastMid = (ticks.Bids[^1] + ticks.Asks[^1]) / 2;

        Assert.Equal(ticks.Times.Length, last.TicksProcessed);
        var export = Assert.IsType<Contracts.Live.LiveExport>(last.Export);
        Assert.Equal(["M5", "M30"], export.Bars!.Select(b => b.Timeframe));
        foreach (var bar in export.Bars!)
        {
            Assert.Equal(Timeframe.Parse(bar.Timeframe).BucketStart(lastTime), bar.StartMs);
            Assert.Equal(lastMid, bar.Close);
            Assert.InRange(bar.Close, bar.Low, bar.High);
            Assert.True(bar.TickCount > 0);
        }

        Assert.Equal(24 * 60 / 5 - 1, export.Bars[0].ClosedBars); // every M5 bar of the day but the forming one

        var portfolio = export.Portfolio!;
        Assert.Equal(ticks.Times.Length, portfolio.Statistics.TicksProcessed);
        var closedAtEnd = result.Trades.Count(t => t.CloseReason == "end_of_data");
        Assert.Equal(result.Statistics!.Trades - closedAtEnd, portfolio.Statistics.Trades);
        Assert.Equal(closedAtEnd == 1, portfolio.PositionSide is not null);
        Assert.Equal(last.Equity - last.Balance, portfolio.FloatingProfit);

        var performance = export.Performance!;
        Assert.Equal(["rsi", "band"], performance.Workers.Select(w => w.Worker));
        Assert.All(performance.Workers, w => Assert.True(w.IsReady));
        Assert.InRange(performance.Workers[0].Values[0], 0, 100);
        Assert.Equal(["band.lower", "band.middle", "band.upper"], performance.Workers[1].Names);
        Assert.True(performance.TicksPerSecond > 0);
        Assert.NotNull(performance.Profile);
        Assert.Equal(ticks.Times.Length, performance.Profile!.TicksTotal);
    }

    [Fact]
    public void Without_exports_updates_carry_only_the_core_fields_and_only_what_was_asked_is_built()
    {
        var (_, plain, _) = Run("\"update_interval\": 0.3");
        Assert.All(plain, u => Assert.Null(u.Export));
        Assert.Contains(plain, u => u.Status == ScenarioStatus.Running && u.TicksProcessed == u.TicksTotal);

        var (_, barsOnly, _) = Run("\"export_current_bars\": true");
        var export = barsOnly.Last(u => u.Status == ScenarioStatus.Running).Export!;
        Assert.NotNull(export.Bars);
        Assert.Null(export.Portfolio);
        Assert.Null(export.Performance);
    }

    private static (ProcessDataPackage Package, List<LiveProgress> Updates, Contracts.Results.ProcessResult Result) Run(string exports)
    {
        var report = EngineRun.Load(Set.Replace("{exports}", exports, StringComparison.Ordinal), EngineRun.SampleStore);
        using var builder = new PackageBuilder(EngineRun.SampleStore, new RunOptions());
        var package = builder.Build(report.Name, report.Scenarios[0].Config!);
        var sink = new CapturingSink();
        var result = new ScenarioRunner(StrategyCatalog.CreateDefault(), StoreTickData.Open, sink).Run(package);
        Assert.True(result.Success, result.Error?.ToString());
        return (package, sink.Updates, result);
    }

    private sealed class CapturingSink : IProgressSink
    {
        public List<LiveProgress> Updates { get; } = [];

        public void Report(in LiveProgress progress) => Updates.Add(progress);
    }
}
