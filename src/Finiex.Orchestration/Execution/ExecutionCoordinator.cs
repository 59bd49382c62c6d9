using System.Collections.Concurrent;
using System.Diagnostics;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Engine.Loop;
using Finiex.Orchestration.Events;

namespace Finiex.Orchestration.Execution;

/// <summary>
/// A fixed set of slots shared by every batch handed to it (one per process for a server; one per batch for
/// <c>finiex run</c>): never more scenarios running than slots, each free slot taking the next waiting scenario of the
/// batches in turn (round robin, so a large batch does not starve a small one), and at most <c>maxBatches</c> batches
/// admitted at once (the others wait for a turn). A long scenario holds up nothing but its slot. Slot and scenario
/// events go to each batch's own hub; each result goes to the batch's <c>finished</c> callback the moment it exists.
/// </summary>
public sealed class ExecutionCoordinator : IAsyncDisposable
{
    private readonly IReadOnlyList<IExecutionSlot> _slots;
    private readonly SemaphoreSlim _admission;
    private readonly SemaphoreSlim _waiting = new(0); // one count per work unit (a scenario, or a fused group) waiting in any batch
    private int _waitingScenarios;
    private readonly List<BatchWork> _batches = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private int _turn;
    private int _busy;
    private readonly bool _ownsSlots;

    public ExecutionCoordinator(IReadOnlyList<IExecutionSlot> slots, int maxBatches = int.MaxValue)
        : this(slots, maxBatches, ownsSlots: false)
    {
    }

    private ExecutionCoordinator(IReadOnlyList<IExecutionSlot> slots, int maxBatches, bool ownsSlots)
    {
        _slots = slots;
        _ownsSlots = ownsSlots;
        _admission = new SemaphoreSlim(Math.Max(1, Math.Min(maxBatches, 1_000_000)));
        _loops = [.. slots.Select(slot => Task.Run(() => SlotLoopAsync(slot)))];
    }

    public IReadOnlyList<IExecutionSlot> Slots => _slots;

    /// <summary>Slots running a scenario now.</summary>
    public int BusySlots => Volatile.Read(ref _busy);

    /// <summary>Scenarios of the admitted batches waiting for a slot.</summary>
    public int WaitingScenarios => Volatile.Read(ref _waitingScenarios);

    /// <summary>
    /// The process-wide runner pool of a server: <paramref name="runners"/> runner-process slots (default: one per core),
    /// started on first use and reused by every batch, shut down with the coordinator.
    /// </summary>
    public static ExecutionCoordinator WithRunnerProcesses(int? runners = null, int maxBatches = int.MaxValue, Processes.RunnerLaunch? launch = null)
    {
        var how = launch ?? Processes.RunnerLaunch.Default();
        return new ExecutionCoordinator([.. Enumerable.Range(0, runners ?? Environment.ProcessorCount).Select(i => (IExecutionSlot)new Processes.RunnerProcessSlot(i, how))],
            maxBatches, ownsSlots: true);
    }

    /// <summary>
    /// Runs a batch's packages and returns their results by scenario index. <paramref name="cancellationToken"/> cancels
    /// the batch (running scenarios stop at their next checkpoint, waiting ones are canceled without starting);
    /// <paramref name="kill"/> kills the runners busy with it. With <paramref name="fuseUpTo"/> above 1, scenarios over the
    /// same ticks and window go to a slot together, up to that many at once (<see cref="FusedUnits"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ProcessResult>> RunAsync(IReadOnlyList<ProcessDataPackage> packages, BatchEventHub hub,
        Action<ProcessResult, double>? finished = null, TimeSpan? timeout = null, int fuseUpTo = 1, CancellationToken cancellationToken = default,
        CancellationToken kill = default)
    {
        var work = new BatchWork(FusedUnits.Split(packages, _slots.Count, fuseUpTo), packages.Count, hub, finished, timeout, cancellationToken);
        if (packages.Count == 0)
        {
            return work.Results;
        }

        try
        {
            await _admission.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            foreach (var package in packages)
            {
                work.Finish(package, Canceled(package), 0);
            }

            return work.Results;
        }

        try
        {
            lock (_batches)
            {
                _batches.Add(work);
            }

            Interlocked.Add(ref _waitingScenarios, packages.Count);
            _waiting.Release(work.Waiting.Count);
            await using (kill.Register(() => work.KillBusy()))
            {
                await work.Done.Task.ConfigureAwait(false);
            }

            return work.Results;
        }
        finally
        {
            lock (_batches)
            {
                _batches.Remove(work);
            }

            _admission.Release();
        }
    }

    /// <summary>Stops the slots' loops (and shuts the slots down when the coordinator made them).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_ownsSlots)
        {
            await Task.WhenAll(_slots.Select(slot => slot.DisposeAsync().AsTask())).ConfigureAwait(false);
        }

        _stop.Dispose();
        _waiting.Dispose();
        _admission.Dispose();
    }

    private async Task SlotLoopAsync(IExecutionSlot slot)
    {
        while (true)
        {
            try
            {
                await _waiting.WaitAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (NextInTurn() is not var (work, unit))
            {
                continue; // cannot happen: the count matches the waiting units
            }

            Interlocked.Add(ref _waitingScenarios, -unit.Count);
            await RunUnitAsync(slot, work, unit).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one work unit on a slot and publishes each scenario's start and end; every scenario gets exactly one result.</summary>
    private async Task RunUnitAsync(IExecutionSlot slot, BatchWork work, IReadOnlyList<ProcessDataPackage> unit)
    {
        var reporters = unit.ToDictionary(p => p.ScenarioIndex, p => new SlotReporter(work.Hub, slot.SlotId, p));
        if (work.CancellationToken.IsCancellationRequested)
        {
            foreach (var package in unit)
            {
                var canceled = Canceled(package);
                work.Hub.Publish(reporters[package.ScenarioIndex].Draft(new ScenarioFinished { Status = ScenarioStatus.FinishedWithError, Message = "canceled before it started", Result = canceled }));
                work.Finish(package, canceled, 0);
            }

            return;
        }

        work.Hub.Publish(reporters[unit[0].ScenarioIndex].Draft(new SlotBusy { Status = ScenarioStatus.InitProcess, TicksTotal = unit[0].Ticks.Count }));
        foreach (var package in unit)
        {
            work.Hub.Publish(reporters[package.ScenarioIndex].Draft(new ScenarioStarted { Status = ScenarioStatus.InitProcess, TicksTotal = package.Ticks.Count }));
        }

        var handedOver = Stopwatch.GetTimestamp();
        var pending = unit.ToDictionary(p => p.ScenarioIndex);
        void Finished(ProcessResult result)
        {
            ProcessDataPackage? package;
            bool last;
            lock (pending)
            {
                if (!pending.Remove(result.ScenarioIndex, out package))
                {
                    return; // a slot reports each scenario once; a second result would be a bug, and must not count twice
                }

                last = pending.Count == 0;
            }

            // A fused group's scenarios share its time: each is charged its part.
            var slotMs = Stopwatch.GetElapsedTime(handedOver).TotalMilliseconds / unit.Count;
            work.Hub.Publish(reporters[package.ScenarioIndex].Draft(new ScenarioFinished
            {
                Status = result.Success ? ScenarioStatus.Completed : ScenarioStatus.FinishedWithError,
                Result = result,
                TicksProcessed = result.Statistics?.TicksProcessed ?? 0,
                TicksTotal = package.Ticks.Count,
                Balance = result.Statistics?.FinalBalance ?? 0,
                Equity = result.Statistics?.FinalEquity ?? 0,
                Trades = (int)(result.Statistics?.Trades ?? 0),
                Message = result.Error is { } error ? $"{error.Kind}: {error.Message}" : "",
            }));
            if (last)
            {
                work.Hub.Publish(new SlotIdle { SlotId = slot.SlotId }); // before the last result, which may end the batch
            }

            work.Finish(package, result, slotMs);
        }

        // A runner that dies, hangs or breaks the protocol during a fused group takes every unfinished scenario of the group
        // with it, and a group that overruns its time stops them all: those scenarios run again, each alone, so that only
        // the one at fault fails (with the reason it gets alone) and the others complete. On a cluster, a scenario alone
        // whose runner was lost runs once more on a new runner (the loss need not be its doing).
        var again = new List<ProcessDataPackage>();
        void FromFusedGroup(ProcessResult result)
        {
            var retried = unit.Count > 1
                ? result.Error?.Kind is FailureKind.RunnerCrashed or FailureKind.RunnerHung or FailureKind.ProtocolViolation or FailureKind.TimedOut
                : slot.RetriesLostRunners && result.Error?.Kind is FailureKind.RunnerCrashed;
            if (retried && !work.CancellationToken.IsCancellationRequested)
            {
                lock (pending)
                {
                    if (pending.TryGetValue(result.ScenarioIndex, out var package) && !again.Contains(package))
                    {
                        again.Add(package);
                        return;
                    }
                }
            }

            Finished(result);
        }

        work.Busy[slot.SlotId] = slot;
        Interlocked.Increment(ref _busy);
        try
        {
            await slot.RunFusedAsync(unit, p => reporters[p.ScenarioIndex], work.Timeout, FromFusedGroup, work.CancellationToken).ConfigureAwait(false);
            if (again.Count > 0)
            {
                work.Hub.Publish(new LogWritten("WARN", unit.Count > 1
                    ? $"A fused group of {unit.Count} scenarios ended early ({again.Count} without a result): running those again one by one"
                    : $"The runner of scenario #{unit[0].ScenarioIndex} {unit[0].ScenarioName} was lost: running it once more on a new runner")
                {
                    SlotId = slot.SlotId,
                });
            }

            foreach (var package in again)
            {
                Finished(await slot.RunAsync(package, reporters[package.ScenarioIndex], work.Timeout, work.CancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A slot reports failures in its results; an exception here is a bug, and must not leave the batch waiting.
            foreach (var package in unit.Where(p => pending.ContainsKey(p.ScenarioIndex)).ToList())
            {
                Finished(ProcessResult.Failed(package.ScenarioIndex, package.ScenarioName, package.Symbol, FailureKind.RunnerCrashed, $"The slot failed: {ex.Message}"));
            }
        }
        finally
        {
            work.Busy.TryRemove(slot.SlotId, out _);
            Interlocked.Decrement(ref _busy);
        }

        foreach (var package in unit.Where(p => pending.ContainsKey(p.ScenarioIndex)).ToList())
        {
            Finished(ProcessResult.Failed(package.ScenarioIndex, package.ScenarioName, package.Symbol, FailureKind.RunnerCrashed, "The slot returned without a result for this scenario."));
        }
    }

    /// <summary>The next waiting work unit, taking the batches in turn.</summary>
    private (BatchWork Work, IReadOnlyList<ProcessDataPackage> Unit)? NextInTurn()
    {
        lock (_batches)
        {
            var start = _turn % Math.Max(1, _batches.Count);
            for (var i = 0; i < _batches.Count; i++)
            {
                var at = (start + i) % _batches.Count;
                if (_batches[at].Waiting.TryDequeue(out var unit))
                {
                    _turn = at + 1; // the next pick starts after this batch, also when one joins at the end meanwhile
                    return (_batches[at], unit);
                }
            }

            return null;
        }
    }

    private static ProcessResult Canceled(ProcessDataPackage package) =>
        ProcessResult.Failed(package.ScenarioIndex, package.ScenarioName, package.Symbol, FailureKind.Canceled, "The batch was canceled before this scenario started.");

    /// <summary>One batch in the coordinator: its waiting packages, results so far, and the slots busy with it.</summary>
    private sealed class BatchWork(IReadOnlyList<IReadOnlyList<ProcessDataPackage>> units, int scenarios, BatchEventHub hub, Action<ProcessResult, double>? finished,
        TimeSpan? timeout, CancellationToken cancellationToken)
    {
        private int _left = scenarios;

        public ConcurrentQueue<IReadOnlyList<ProcessDataPackage>> Waiting { get; } = new(units);

        public ConcurrentDictionary<int, ProcessResult> Results { get; } = new();

        public ConcurrentDictionary<int, IExecutionSlot> Busy { get; } = new();

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public BatchEventHub Hub => hub;

        public TimeSpan? Timeout => timeout;

        public CancellationToken CancellationToken => cancellationToken;

        public void Finish(ProcessDataPackage package, ProcessResult result, double slotMs)
        {
            Results[package.ScenarioIndex] = result;
            finished?.Invoke(result, slotMs);
            if (Interlocked.Decrement(ref _left) == 0)
            {
                Done.TrySetResult();
            }
        }

        public void KillBusy()
        {
            foreach (var slot in Busy.Values)
            {
                _ = slot.KillAsync();
            }
        }
    }
}
