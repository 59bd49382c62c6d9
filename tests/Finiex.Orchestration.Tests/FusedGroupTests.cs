using Finiex.Contracts.Results;
using Finiex.Core.Scenarios;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;

namespace Finiex.Orchestration.Tests;

/// <summary>
/// Scenarios over the same ticks go to a slot as one fused group (one request to a runner, one pass over the ticks):
/// the results are those of every scenario alone in every mode, and a runner fault inside a group fails only the
/// scenario at fault, whose group-mates run again alone.
/// </summary>
[Collection("processes")]
public sealed class FusedGroupTests
{
    [Fact(Timeout = 180_000)]
    public async Task Fused_groups_give_the_results_of_every_scenario_alone_in_every_mode()
    {
        var report = BatchFixture.GridSet(12, 30_000);
        var (alone, _) = await BatchFixture.RunAsync(report, ExecutionMode.Sequential, 1, new BatchOptions { FuseUpTo = 1 });
        var (processes, processEvents) = await BatchFixture.RunAsync(report, ExecutionMode.Processes, 2, new BatchOptions { Runner = BatchFixture.Launch() });
        var (threads, _) = await BatchFixture.RunAsync(report, ExecutionMode.Threads, 2, new BatchOptions());
        var (oneSlot, _) = await BatchFixture.RunAsync(report, ExecutionMode.Processes, 1, new BatchOptions { Runner = BatchFixture.Launch(), FuseUpTo = 5 });

        Assert.True(alone.AllCompleted);
        Assert.Equal(BatchFixture.Fingerprint(alone), BatchFixture.Fingerprint(processes));
        Assert.Equal(BatchFixture.Fingerprint(alone), BatchFixture.Fingerprint(threads));
        Assert.Equal(BatchFixture.Fingerprint(alone), BatchFixture.Fingerprint(oneSlot));
        // Two slots, twelve scenarios over the same ticks: four requests of three, each scenario's receipt logged as one of them.
        var receipts = processEvents.OfType<LogWritten>().Where(e => e.Message.Contains("package of", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, receipts.Count);
        Assert.All(receipts, e => Assert.Contains("(one request of 3, fused)", e.Message, StringComparison.Ordinal));
        // Progress and logs stay per scenario.
        foreach (var scenario in processes.Scenarios)
        {
            Assert.Contains(processEvents.OfType<ScenarioProgress>(), e => e.ScenarioIndex == scenario.Index && e.TicksProcessed > 0);
            Assert.Contains(scenario.Result.Log, l => l.Message.Contains($"'{scenario.Name}'", StringComparison.Ordinal));
        }
    }

    public static TheoryData<string, FailureKind, string> Faults => new()
    {
        { "crash", FailureKind.RunnerCrashed, "exit code 70" },
        { "failfast", FailureKind.RunnerCrashed, "Injected FailFast" },
        { "hang", FailureKind.RunnerHung, "sent nothing for 5 s" },
        { "garbage", FailureKind.ProtocolViolation, "Unknown frame kind 77" },
    };

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Faults))]
    public async Task A_runner_fault_inside_a_fused_group_fails_only_the_scenario_at_fault(string fault, FailureKind kind, string detail)
    {
        var report = BatchFixture.GridSet(6, 20_000);
        var victim = report.Scenarios[1].Name;
        var (batch, events) = await BatchFixture.RunAsync(report, ExecutionMode.Processes, 1, new BatchOptions
        {
            Runner = BatchFixture.Launch($"{fault}:{victim}", watchdog: TimeSpan.FromSeconds(5)),
        });

        var failed = Assert.Single(batch.Scenarios, s => !s.Result.Success);
        Assert.Equal(victim, failed.Name);
        Assert.Equal(kind, failed.Result.Error!.Kind);
        Assert.Contains(detail, failed.Result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(5, batch.Scenarios.Count(s => s.Result.Success));
        Assert.Contains(events.OfType<LogWritten>(), e => e.Level == "WARN" && e.Message.Contains("running those again one by one", StringComparison.Ordinal));
        var (alone, _) = await BatchFixture.RunAsync(report, ExecutionMode.Sequential, 1, new BatchOptions { FuseUpTo = 1 });
        foreach (var scenario in batch.Scenarios.Where(s => s.Name != victim))
        {
            var expected = alone.Scenarios.Single(s => s.Name == scenario.Name).Result;
            Assert.Equal(expected.Statistics, scenario.Result.Statistics);
            Assert.Equal(expected.Trades, scenario.Result.Trades);
        }
    }
}
