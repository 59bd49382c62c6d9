using Finiex.Contracts.Results;
using Finiex.Core.Scenarios;
using Finiex.Orchestration.Execution;

namespace Finiex.Orchestration.Tests;

/// <summary>
/// Runners that crash, exit, overflow their stack, hang, talk garbage, run past the timeout or ignore cancel: the
/// scenario fails with the reason, the runner is replaced, the rest of the batch completes, and no runner survives.
/// These run each scenario alone (no fused groups): <see cref="FusedGroupTests"/> covers faults inside a fused group.
/// </summary>
[Collection("processes")]
public sealed class FaultTests
{
    public static TheoryData<string, FailureKind, string> Faults => new()
    {
        { "crash", FailureKind.RunnerCrashed, "exit code 70" },
        { "failfast", FailureKind.RunnerCrashed, "Injected FailFast" },
        { "exit", FailureKind.RunnerCrashed, "exit code 17" },
        { "stackoverflow", FailureKind.RunnerCrashed, "Stack overflow" },
        { "hang", FailureKind.RunnerHung, "sent nothing for 5 s" },
        { "garbage", FailureKind.ProtocolViolation, "Unknown frame kind 77" },
        { "oversize", FailureKind.ProtocolViolation, "is outside [0," },
        { "silent", FailureKind.RunnerHung, "sent nothing for 5 s" },
    };

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Faults))]
    public async Task A_failing_runner_fails_only_its_scenario_and_is_replaced(string fault, FailureKind errorType, string detail)
    {
        var report = BatchFixture.SmallSet();
        var victim = report.Scenarios[1].Name;
        var (batch, _) = await BatchFixture.RunAsync(report, ExecutionMode.Processes, 1, new BatchOptions
        {
            FuseUpTo = 1,
            Runner = BatchFixture.Launch($"{fault}:{victim}", watchdog: TimeSpan.FromSeconds(5)),
        });

        var failed = Assert.Single(batch.Scenarios, s => !s.Result.Success);
        Assert.Equal(victim, failed.Name);
        Assert.Equal(errorType, failed.Result.Error!.Kind);
        Assert.Contains("runner pid", failed.Result.Error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, failed.Result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, batch.Scenarios.Count(s => s.Result.Success));
        Assert.Equal(2, batch.RunnerStartsMs.Count); // the failed runner was replaced for the scenarios after it
    }

    [Fact(Timeout = 120_000)]
    public async Task A_scenario_past_its_timeout_is_stopped_and_the_batch_goes_on()
    {
        var report = BatchFixture.SmallSet();
        var (batch, _) = await BatchFixture.RunAsync(report, ExecutionMode.Processes, 1, new BatchOptions
        {
            FuseUpTo = 1,
            Runner = BatchFixture.Launch($"ignore-cancel:{report.Scenarios[0].Name}"),
            ScenarioTimeout = TimeSpan.FromSeconds(2),
        });

        var failed = batch.Scenarios[0].Result;
        Assert.Equal(FailureKind.TimedOut, failed.Error!.Kind);
        Assert.Contains("did not stop", failed.Error.Message, StringComparison.Ordinal);
        Assert.All(batch.Scenarios.Skip(1), s => Assert.True(s.Result.Success));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_timed_out_scenario_is_timed_out_and_the_next_one_on_its_runner_completes()
    {
        // The victim honours the cancel (its loop is only slow): before the fix the runner could not reset its
        // cancellation source and the next, innocent scenario failed as RunnerCrashed.
        var report = BatchFixture.SmallSet();
        var (batch, _) = await BatchFixture.RunAsync(report, ExecutionMode.Processes, 1, new BatchOptions
        {
            FuseUpTo = 1,
            Runner = BatchFixture.Launch($"slow-loop:{report.Scenarios[0].Name}"),
            ScenarioTimeout = TimeSpan.FromSeconds(1),
        });

        Assert.Equal(ScenarioOutcomeStatus.TimedOut, batch.Scenarios[0].Status);
        Assert.Equal(FailureKind.TimedOut, batch.Scenarios[0].Result.Error!.Kind);
        Assert.Contains("longer than the 1 s timeout", batch.Scenarios[0].Result.Error!.Message, StringComparison.Ordinal);
        Assert.All(batch.Scenarios.Skip(1), s => Assert.True(s.Result.Success, s.Result.Error?.Message));
        Assert.Single(batch.RunnerStartsMs); // the runner was reused, not replaced
    }

    [Theory(Timeout = 120_000)]
    [InlineData(ExecutionMode.Sequential)]
    [InlineData(ExecutionMode.Threads)]
    public async Task In_process_a_timeout_is_timed_out_too(ExecutionMode mode)
    {
        // Each scenario's loop takes 20 ms per block of ticks (~20 blocks): far past a 0.1 s limit, checkpoints still reached.
        var catalog = SluggishWorker.Catalog();
        var report = BatchFixture.GridSet(2, 20_000, extraWorkers: """, "slow": { "type": "sluggish", "timeframe": "M1" }""", catalog: catalog);
        var (batch, _) = await BatchFixture.RunAsync(report, mode, 2, new BatchOptions { FuseUpTo = 1, ScenarioTimeout = TimeSpan.FromSeconds(0.1) }, catalog: catalog);

        Assert.All(batch.Scenarios, s =>
        {
            Assert.Equal(ScenarioOutcomeStatus.TimedOut, s.Status);
            Assert.Equal(FailureKind.TimedOut, s.Result.Error!.Kind);
        });
    }

    [Fact(Timeout = 120_000)]
    public async Task A_tick_loop_that_stops_moving_while_heartbeats_flow_is_reported_hung()
    {
        var report = BatchFixture.SmallSet();
        var victim = report.Scenarios[1].Name;
        var (batch, _) = await BatchFixture.RunAsync(report, ExecutionMode.Processes, 1, new BatchOptions
        {
            FuseUpTo = 1,
            Runner = BatchFixture.Launch($"freeze-loop:{victim}") with { StallLimit = TimeSpan.FromSeconds(3) },
        });

        var failed = Assert.Single(batch.Scenarios, s => !s.Result.Success);
        Assert.Equal(victim, failed.Name);
        Assert.Equal(FailureKind.RunnerHung, failed.Result.Error!.Kind);
        Assert.Contains("made no progress for 3 s", failed.Result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, batch.Scenarios.Count(s => s.Result.Success));
    }

    [Fact(Timeout = 120_000)]
    public async Task Cancel_stops_running_scenarios_marks_the_rest_canceled_and_leaves_no_runner()
    {
        var report = BatchFixture.SmallSet();
        using var cancel = new CancellationTokenSource();
        var hub = new Events.BatchEventHub();
        using var _ = hub.Subscribe(e =>
        {
            if (e.Kind == Events.BatchEventKind.Log && e.ScenarioIndex == 0)
            {
                cancel.Cancel(); // the runner has the first scenario (and hangs in it)
            }
        });
        var before = BatchFixture.RunnerPids();
        var batch = await new BatchOrchestrator(BatchFixture.Store, Engine.Catalog.StrategyCatalog.CreateDefault(), hub)
            .RunAsync(report, new ExecutionPlan(ExecutionMode.Processes, 1, "test"),
                new BatchOptions { FuseUpTo = 1, Runner = BatchFixture.Launch($"hang:{report.Scenarios[0].Name}") }, cancel.Token)
            .WaitAsync(TimeSpan.FromSeconds(60));
        BatchFixture.AssertNoRunnerSurvives(before);

        Assert.Equal(FailureKind.Canceled, batch.Scenarios[0].Result.Error!.Kind);
        Assert.Contains("did not stop", batch.Scenarios[0].Result.Error!.Message, StringComparison.Ordinal);
        Assert.All(batch.Scenarios.Skip(1), s => Assert.Equal(FailureKind.Canceled, s.Result.Error!.Kind));
    }

    [Fact(Timeout = 120_000)]
    public async Task Kill_after_cancel_ends_a_runner_that_ignores_the_cancel_without_waiting_for_the_grace()
    {
        var report = BatchFixture.SmallSet();
        using var cancel = new CancellationTokenSource();
        using var kill = new CancellationTokenSource();
        var hub = new Events.BatchEventHub();
        var pressed = 0;
        using var _ = hub.Subscribe(e =>
        {
            // Once the runner has the first scenario (its receipt line arrives), cancel, then kill half a second later.
            if (e.Kind == Events.BatchEventKind.Log && e.ScenarioIndex == 0 && Interlocked.Exchange(ref pressed, 1) == 0)
            {
                cancel.Cancel();
                kill.CancelAfter(TimeSpan.FromMilliseconds(500));
            }
        });
        var before = BatchFixture.RunnerPids();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var batch = await new BatchOrchestrator(BatchFixture.Store, Engine.Catalog.StrategyCatalog.CreateDefault(), hub)
            .RunAsync(report, new ExecutionPlan(ExecutionMode.Processes, 1, "test"),
                new BatchOptions { FuseUpTo = 1, Runner = BatchFixture.Launch($"ignore-cancel:{report.Scenarios[0].Name}") with { CancelGrace = TimeSpan.FromSeconds(60) } },
                cancel.Token, kill.Token)
            .WaitAsync(TimeSpan.FromSeconds(60));
        BatchFixture.AssertNoRunnerSurvives(before);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}: the kill waited for the cancel grace");
        Assert.Equal(FailureKind.Canceled, batch.Scenarios[0].Result.Error!.Kind);
        Assert.Contains("killed on request", batch.Scenarios[0].Result.Error!.Message, StringComparison.Ordinal);
        Assert.All(batch.Scenarios.Skip(1), s => Assert.Equal(FailureKind.Canceled, s.Result.Error!.Kind));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_runner_killed_with_sigkill_fails_its_scenario_with_the_signal()
    {
        var report = BatchFixture.SmallSet();
        var victim = report.Scenarios[1].Name;
        var before = BatchFixture.RunnerPids();
        var killed = 0;
        var hub = new Events.BatchEventHub();
        using var _ = hub.Subscribe(e =>
        {
            // Killed once it has streamed its first line about the victim (its receipt of the package).
            if (e.Kind == Events.BatchEventKind.Log && e.ScenarioName == victim && Interlocked.Exchange(ref killed, 1) == 0)
            {
                foreach (var pid in BatchFixture.RunnerPids().Except(before))
                {
                    using var runner = System.Diagnostics.Process.Start("kill", ["-9", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    runner.WaitForExit();
                }
            }
        });
        var batch = await new BatchOrchestrator(BatchFixture.Store, Engine.Catalog.StrategyCatalog.CreateDefault(), hub)
            .RunAsync(report, new ExecutionPlan(ExecutionMode.Processes, 1, "test"),
                new BatchOptions { FuseUpTo = 1, Runner = BatchFixture.Launch($"hang:{victim}") })
            .WaitAsync(TimeSpan.FromSeconds(90));
        BatchFixture.AssertNoRunnerSurvives(before);

        var failed = batch.Scenarios.Single(s => s.Name == victim).Result;
        Assert.Equal(FailureKind.RunnerCrashed, failed.Error!.Kind);
        Assert.Contains("signal 9", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, batch.Scenarios.Count(s => s.Result.Success));
        // What the runner streamed before it died is kept with the failed result (and so in the scenario's log file).
        Assert.Contains(failed.Log, l => l.Message.Contains("package of", StringComparison.Ordinal));
        Assert.Equal("ERROR", failed.Log[^1].Level);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_runner_of_another_build_is_refused_with_a_clear_message()
    {
        var report = BatchFixture.SmallSet();
        var (batch, _) = await BatchFixture.RunAsync(report, ExecutionMode.Processes, 1, new BatchOptions { FuseUpTo = 1, Runner = BatchFixture.Launch("other-build:*") });

        Assert.All(batch.Scenarios, s => Assert.Equal(FailureKind.RunnerStartFailed, s.Result.Error!.Kind));
        Assert.Contains("another build", batch.Scenarios[0].Result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("rebuild", batch.Scenarios[0].Result.Error!.Message, StringComparison.Ordinal);
    }
}
