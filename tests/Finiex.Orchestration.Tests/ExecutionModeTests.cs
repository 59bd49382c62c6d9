using Finiex.Core.Scenarios;
using Finiex.Engine.Loop;
using Finiex.Orchestration.Events;
using Finiex.Tests.Shared;

namespace Finiex.Orchestration.Tests;

/// <summary>The same batch gives byte-identical statistics and trades in every mode and at every degree of parallelism.</summary>
[Collection("processes")]
public sealed class ExecutionModeTests
{
    [Fact(Timeout = 240_000)]
    public async Task Every_mode_and_parallelism_gives_identical_results()
    {
        var report = BatchFixture.Load(BatchFixture.ExampleSet);
        var (reference, _) = await BatchFixture.RunAsync(report, ExecutionMode.Sequential, 1);
        Assert.True(reference.AllCompleted);
        var expected = BatchFixture.Fingerprint(reference);

        foreach (var (mode, parallel) in new[] { (ExecutionMode.Threads, 1), (ExecutionMode.Threads, 2), (ExecutionMode.Processes, 1), (ExecutionMode.Processes, 2) })
        {
            var (batch, events) = await BatchFixture.RunAsync(report, mode, parallel);
            Assert.True(batch.AllCompleted, $"{mode}/{parallel}: {string.Join("; ", batch.Scenarios.Select(s => s.Result.Error?.Message))}");
            Assert.Equal(expected, BatchFixture.Fingerprint(batch));
            Assert.Equal(Enumerable.Range(0, 7), batch.Scenarios.Select(s => s.Index));
            Assert.Equal(parallel, batch.Parallelism);
            Assert.All(events.Where(e => e.SlotId >= 0), e => Assert.InRange(e.SlotId, 0, parallel - 1));
        }
    }

    [Fact(Timeout = 240_000)]
    public async Task A_strategy_trading_through_the_api_gives_identical_results_in_every_mode()
    {
        var report = BatchFixture.Load(Path.Combine(RepoPaths.Root, "configs", "scenario_sets", "channel_breakout_example.json"));
        Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
        var (reference, _) = await BatchFixture.RunAsync(report, ExecutionMode.Sequential, 1);
        Assert.True(reference.AllCompleted);
        Assert.All(reference.Scenarios, s => Assert.NotEmpty(s.Result.Trades));
        var expected = BatchFixture.Fingerprint(reference);

        foreach (var (mode, parallel) in new[] { (ExecutionMode.Threads, 2), (ExecutionMode.Processes, 2) })
        {
            var (batch, _) = await BatchFixture.RunAsync(report, mode, parallel);
            Assert.True(batch.AllCompleted, $"{mode}/{parallel}: {string.Join("; ", batch.Scenarios.Select(s => s.Result.Error?.Message))}");
            Assert.Equal(expected, BatchFixture.Fingerprint(batch));
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Many_quick_scenarios_through_a_warm_pool_all_complete()
    {
        // Back-to-back dispatch: a new request can reach a runner while its previous run is still returning.
        var (batch, _) = await BatchFixture.RunAsync(BatchFixture.GridSet(60, 300), ExecutionMode.Processes, 2);

        Assert.True(batch.AllCompleted, string.Join("; ", batch.Scenarios.Where(s => !s.Result.Success).Select(s => s.Result.Error!.Message)));
        Assert.Equal(2, batch.RunnerStartsMs.Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task Events_carry_increasing_sequence_numbers_slots_and_every_status_change()
    {
        var (batch, events) = await BatchFixture.RunAsync(BatchFixture.SmallSet(), ExecutionMode.Processes, 2);

        Assert.True(batch.AllCompleted);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence).Order());
        Assert.Equal(BatchEventKind.BatchStarted, events.MinBy(e => e.Sequence)!.Kind);
        Assert.Equal(BatchEventKind.BatchFinished, events.MaxBy(e => e.Sequence)!.Kind);
        foreach (var scenario in batch.Scenarios)
        {
            var statuses = events.OfType<ScenarioProgress>().Where(e => e.ScenarioIndex == scenario.Index).Select(e => e.Status).ToList();
            Assert.Contains(ScenarioStatus.InitProcess, statuses);
            Assert.Contains(ScenarioStatus.Running, statuses);
            Assert.Contains(ScenarioStatus.Completed, statuses);
            Assert.Contains(events.OfType<LogWritten>(), e => e.ScenarioIndex == scenario.Index && e.Message.StartsWith("Completed", StringComparison.Ordinal));
        }

        Assert.All(events.Where(e => e.Kind == BatchEventKind.Log), e => Assert.InRange(e.SlotId, 0, 1));
    }

    [Fact(Timeout = 120_000)]
    public async Task Live_exports_switched_on_in_the_set_cross_the_pipe_with_the_progress()
    {
        var set = BatchFixture.GridSet(2, 5_000, "\"export_portfolio_stats\": true, \"export_performance_stats\": true, \"export_current_bars\": true");
        var (batch, events) = await BatchFixture.RunAsync(set, ExecutionMode.Processes, 1);

        Assert.True(batch.AllCompleted);
        foreach (var scenario in batch.Scenarios)
        {
            var last = events.OfType<ScenarioProgress>().Last(e => e.ScenarioIndex == scenario.Index && e.Status == ScenarioStatus.Running);
            Assert.Equal(5_000, last.TicksProcessed);
            Assert.Equal(["M5", "M30"], last.Export!.Bars!.Select(b => b.Timeframe));
            Assert.Equal(5_000, last.Export.Portfolio!.Statistics.TicksProcessed);
            Assert.Equal(["rsi", "band"], last.Export.Performance!.Workers.Select(w => w.Worker));
        }

        Assert.All(events.OfType<ScenarioProgress>().Where(e => e.Status != ScenarioStatus.Running), e => Assert.Null(e.Export));
    }

    [Fact(Timeout = 120_000)]
    public async Task Runner_log_events_travel_through_serilog_to_the_hub_tagged_with_slot_and_scenario()
    {
        var (batch, events) = await BatchFixture.RunAsync(BatchFixture.SmallSet(), ExecutionMode.Processes, 2);
        var logs = events.OfType<LogWritten>().ToList();

        Assert.True(batch.AllCompleted);
        // The runner's own lines (start-up) belong to a slot but to no scenario.
        Assert.Contains(logs, e => e is { ScenarioIndex: -1 } && e.Message.StartsWith("Runner pid", StringComparison.Ordinal) && e.Level == "INFO");
        foreach (var scenario in batch.Scenarios)
        {
            // The runner's receipt of the package travels with the run it belongs to; the scenario's own lines arrive before its result.
            Assert.Contains(logs, e => e.ScenarioIndex == scenario.Index && e.Level == "DEBUG" && e.Message.Contains("package of", StringComparison.Ordinal));
            Assert.Equal(
                scenario.Result.Log.Select(l => (l.Level, l.Message)),
                logs.Where(e => e.ScenarioIndex == scenario.Index && e.Level != "DEBUG").Select(e => (e.Level, e.Message)));
        }
    }
}
