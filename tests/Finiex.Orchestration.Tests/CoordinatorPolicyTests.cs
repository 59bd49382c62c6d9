using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Core.Scenarios;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;

namespace Finiex.Orchestration.Tests;

/// <summary>The coordinator's policies with fake slots (no processes): work sharing, result order, cancellation, events.</summary>
public sealed class CoordinatorPolicyTests
{
    private static ProcessDataPackage Package(int index) => new()
    {
        ScenarioIndex = index,
        ScenarioName = $"s{index}",
        SetName = "fake",
        Symbol = "EURUSD",
        StartMs = 0,
        Workers = [],
        Decision = new DecisionSpec { Type = "x", Inputs = new Dictionary<string, string>(), Numbers = new Dictionary<string, double>(), Choices = new Dictionary<string, string>() },
        Account = new AccountSpec { InitialBalance = 1, Currency = "USD", Leverage = 1 },
        SymbolSpec = new SymbolContract { Name = "EURUSD", BaseCurrency = "EUR", QuoteCurrency = "USD", ContractSize = 1, Digits = 5, Point = 0.00001, VolumeMin = 0.01, VolumeMax = 1, VolumeStep = 0.01 },
        WarmupBars = [],
        Ticks = new TickSource { StartIndex = 0, EndIndex = 100 },
    };

    /// <summary>A slot that "runs" a scenario by awaiting the work the test gives for it.</summary>
    private sealed class FakeSlot(int slotId, Func<ProcessDataPackage, Task> work) : IExecutionSlot
    {
        public int SlotId => slotId;

        public List<int> Ran { get; } = [];

        public async Task<ProcessResult> RunAsync(ProcessDataPackage package, SlotReporter reporter, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            lock (Ran)
            {
                Ran.Add(package.ScenarioIndex);
            }

            reporter.Progress(Finiex.Engine.Loop.ScenarioStatus.Running, 50, 100, 1, 1, 0);
            await work(package);
            return new ProcessResult
            {
                Success = !cancellationToken.IsCancellationRequested,
                ScenarioIndex = package.ScenarioIndex,
                ScenarioName = package.ScenarioName,
                Symbol = package.Symbol,
                Timings = new RunTimings(),
                Error = cancellationToken.IsCancellationRequested ? new ErrorInfo(FailureKind.Canceled, "canceled") : null,
            };
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact(Timeout = 20_000)]
    public async Task A_free_slot_takes_the_next_scenario_so_one_long_scenario_holds_up_nothing()
    {
        // Scenario 0 runs until the five others are done: if the free slot did not take them all, the test never ends
        // (and fails by its timeout). No wall-clock race.
        var othersDone = 0;
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task Work(ProcessDataPackage p)
        {
            if (p.ScenarioIndex == 0)
            {
                return released.Task;
            }

            if (Interlocked.Increment(ref othersDone) == 5)
            {
                released.SetResult();
            }

            return Task.CompletedTask;
        }

        var first = new FakeSlot(0, Work);
        var second = new FakeSlot(1, Work);
        var hub = new BatchEventHub();

        await using var coordinator = new ExecutionCoordinator([first, second]);
        var results = await coordinator.RunAsync([.. Enumerable.Range(0, 6).Select(Package)], hub);

        Assert.Equal(Enumerable.Range(0, 6), results.Keys.Order());
        var (slow, fast) = first.Ran.Contains(0) ? (first, second) : (second, first);
        Assert.Equal([0], slow.Ran);
        Assert.Equal([1, 2, 3, 4, 5], fast.Ran);
        var snapshot = hub.Snapshot();
        Assert.Equal(2, snapshot.Slots.Count);
        Assert.All(snapshot.Slots, s => Assert.Equal(BatchEventKind.SlotIdle, s.Kind));
        Assert.Equal(hub.LastSequence, snapshot.Sequence);
    }

    [Fact(Timeout = 20_000)]
    public async Task After_cancel_waiting_scenarios_are_marked_canceled_without_running()
    {
        using var cancel = new CancellationTokenSource();
        var slot = new FakeSlot(0, _ => Task.CompletedTask);
        var hub = new BatchEventHub();
        using var _ = hub.Subscribe(e =>
        {
            if (e.Kind == BatchEventKind.ScenarioStarted)
            {
                cancel.Cancel();
            }
        });

        await using var coordinator = new ExecutionCoordinator([slot]);
        var results = await coordinator.RunAsync([.. Enumerable.Range(0, 4).Select(Package)], hub, cancellationToken: cancel.Token);

        Assert.Equal([0], slot.Ran);
        Assert.All(results.Values, r => Assert.Equal(FailureKind.Canceled, r.Error!.Kind));
        Assert.Equal(4, results.Count);
    }

    /// <summary>Scenario indices of batch B are offset by 100, so one log of "ran" shows whose turn it was.</summary>
    private static IReadOnlyList<ProcessDataPackage> Batch(int count, int offset = 0) => [.. Enumerable.Range(offset, count).Select(Package)];

    [Fact(Timeout = 20_000)]
    public async Task Batches_sharing_the_slots_take_turns()
    {
        var bSubmitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slot = new FakeSlot(0, p => p.ScenarioIndex == 0 ? bSubmitted.Task : Task.CompletedTask); // A's first waits for B to queue
        await using var coordinator = new ExecutionCoordinator([slot]);

        var a = coordinator.RunAsync(Batch(6), new BatchEventHub("a"));
        while (slot.Ran.Count == 0)
        {
            await Task.Delay(5);
        }

        var b = coordinator.RunAsync(Batch(2, offset: 100), new BatchEventHub("b"));
        bSubmitted.SetResult();
        var (ra, rb) = (await a, await b);

        Assert.Equal([0, 100, 1, 101, 2, 3, 4, 5], slot.Ran); // round robin, not all of A first
        Assert.Equal(6, ra.Count);
        Assert.Equal([100, 101], rb.Keys.Order());
    }

    [Fact(Timeout = 20_000)]
    public async Task Beyond_the_batch_limit_a_batch_waits_for_its_turn_and_slots_are_never_overcommitted()
    {
        var running = 0;
        var most = 0;
        async Task Work(ProcessDataPackage p)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Delay(10);
            Interlocked.Decrement(ref running);
        }

        var slots = new[] { new FakeSlot(0, Work), new FakeSlot(1, Work) };
        await using var coordinator = new ExecutionCoordinator(slots, maxBatches: 1);
        var order = new List<int>();
        var hubA = new BatchEventHub("a");
        var hubB = new BatchEventHub("b");
        void Started(BatchEvent e)
        {
            if (e.Kind == BatchEventKind.ScenarioStarted)
            {
                lock (order)
                {
                    order.Add(e.ScenarioIndex);
                }
            }
        }

        using var sa = hubA.Subscribe(Started);
        using var sb = hubB.Subscribe(Started);
        var a = coordinator.RunAsync(Batch(5), hubA);
        var b = coordinator.RunAsync(Batch(5, offset: 100), hubB);
        await Task.WhenAll(a, b);

        Assert.True(most <= 2, $"at most two scenarios at once on two slots (saw {most})");
        var firstB = order.FindIndex(i => i >= 100);
        Assert.All(order.Take(firstB), i => Assert.True(i < 100));
        Assert.All(order.Skip(firstB), i => Assert.True(i >= 100)); // B was admitted when A was done

        static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    [Fact(Timeout = 20_000)]
    public async Task A_kill_reaches_only_the_slots_busy_with_that_batch()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = new List<int>();
        var slots = new[] { new KillableSlot(0, release, killed), new KillableSlot(1, release, killed) };
        await using var coordinator = new ExecutionCoordinator(slots);
        using var kill = new CancellationTokenSource();

        var a = coordinator.RunAsync(Batch(1), new BatchEventHub("a"), kill: kill.Token);
        var b = coordinator.RunAsync(Batch(1, offset: 100), new BatchEventHub("b"));
        while (slots.Count(s => s.Running) < 2)
        {
            await Task.Delay(5);
        }

        var busyWithA = slots.Single(s => s.Current == 0).SlotId;
        await kill.CancelAsync();
        release.SetResult();
        await Task.WhenAll(a, b);

        Assert.Equal([busyWithA], killed);
    }

    /// <summary>A slot that runs until released and records kills.</summary>
    private sealed class KillableSlot(int slotId, TaskCompletionSource release, List<int> killed) : IExecutionSlot
    {
        public int SlotId => slotId;

        public bool Running { get; private set; }

        public int Current { get; private set; } = -1;

        public async Task<ProcessResult> RunAsync(ProcessDataPackage package, SlotReporter reporter, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            (Current, Running) = (package.ScenarioIndex, true);
            await release.Task;
            return new ProcessResult { Success = true, ScenarioIndex = package.ScenarioIndex, ScenarioName = package.ScenarioName, Symbol = package.Symbol, Timings = new RunTimings() };
        }

        public Task KillAsync()
        {
            lock (killed)
            {
                killed.Add(slotId);
            }

            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public void The_execution_plan_prefers_the_command_line_then_the_environment_then_the_set()
    {
        var set = new ExecutionConfig(ExecutionMode.Threads, 3, 0.3);
        Assert.Equal((ExecutionMode.Sequential, 1), Pair(ExecutionPlan.Choose(ExecutionMode.Sequential, 4, set)));
        Assert.Equal((ExecutionMode.Threads, 3), Pair(ExecutionPlan.Choose(null, null, set)));
        Assert.Equal((ExecutionMode.Processes, 5), Pair(ExecutionPlan.Choose(ExecutionMode.Processes, 5, set)));
        var auto = ExecutionPlan.Choose(null, null, ExecutionConfig.Default);
        Assert.Contains("auto", auto.Reason, StringComparison.Ordinal);
        Assert.Equal(Environment.ProcessorCount, auto.Parallelism);

        static (ExecutionMode, int) Pair(ExecutionPlan plan) => (plan.Mode, plan.Parallelism);
    }

    [Fact]
    public void Auto_runs_a_small_batch_in_threads_and_a_large_one_in_runner_processes()
    {
        if (System.Diagnostics.Debugger.IsAttached || Environment.GetEnvironmentVariable(ExecutionPlan.DebugVariable) == "1"
            || Environment.GetEnvironmentVariable(ExecutionPlan.ModeVariable) is not null)
        {
            return; // auto means threads under a debugger; an explicit mode in the environment wins
        }

        var small = ExecutionPlan.Choose(null, null, ExecutionConfig.Default, new BatchSize(7, 600_000));
        Assert.Equal(ExecutionMode.Threads, small.Mode);
        Assert.Contains("small batch, 0.6 M ticks", small.Reason, StringComparison.Ordinal);
        Assert.Equal(ExecutionMode.Processes, ExecutionPlan.Choose(null, null, ExecutionConfig.Default, new BatchSize(7, BatchSize.SmallBatchTicks + 1)).Mode);
        Assert.Equal(ExecutionMode.Processes, ExecutionPlan.Choose(null, null, ExecutionConfig.Default, new BatchSize(BatchSize.SmallBatchScenarios + 1, 1_000)).Mode);
        Assert.Equal(ExecutionMode.Processes, ExecutionPlan.Choose(ExecutionMode.Processes, null, ExecutionConfig.Default, new BatchSize(1, 10)).Mode);
        Assert.Equal(ExecutionMode.Processes, ExecutionPlan.Choose(null, null, ExecutionConfig.Default, size: null).Mode);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_consumer_that_falls_behind_never_holds_up_publishing_and_sees_the_gap()
    {
        var hub = new BatchEventHub("batch-1");
        using var stalled = hub.Subscribe(capacity: 100); // never read until the end
        using var reading = hub.Subscribe(capacity: 100);
        var received = new List<BatchEvent>();
        var reader = Task.Run(async () =>
        {
            await foreach (var e in reading.ReadAllAsync())
            {
                received.Add(e);
            }
        });

        for (var i = 0; i < 10_000; i++)
        {
            hub.Publish(new ScenarioProgress { SlotId = i % 2, ScenarioIndex = 3, TicksProcessed = i });
        }

        hub.Publish(new BatchFinished());
        await reader;

        Assert.Equal(10_001 - 100, stalled.Dropped);
        var kept = new List<BatchEvent>();
        await foreach (var e in stalled.ReadAllAsync())
        {
            kept.Add(e);
        }

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), kept.Select(e => e.Sequence)); // then a gap: resync from a snapshot
        var snapshot = hub.Snapshot();
        Assert.Equal(("batch-1", 10_001L), (snapshot.BatchId, snapshot.Sequence));
        Assert.Equal([9_998L, 9_999L], snapshot.Slots.Cast<ScenarioEvent>().Select(e => e.TicksProcessed));
        Assert.All(received, e => Assert.Equal("batch-1", e.BatchId));
        Assert.True(received.Zip(received.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "in order");
    }

    [Fact]
    public void The_hub_keeps_bounded_log_rings_per_slot_and_scenario()
    {
        var hub = new BatchEventHub();
        for (var i = 0; i < BatchEventHub.LogLinesKept + 50; i++)
        {
            hub.Publish(new LogWritten("INFO", $"line {i}") { SlotId = 1, ScenarioIndex = 7 });
        }

        Assert.Equal(BatchEventHub.LogLinesKept, hub.SlotLog(1).Count);
        Assert.Equal($"line {BatchEventHub.LogLinesKept + 49}", hub.ScenarioLog(7)[^1].Message);
        Assert.Equal(BatchEventHub.LogLinesKept + 50, hub.LastSequence);
    }
}
