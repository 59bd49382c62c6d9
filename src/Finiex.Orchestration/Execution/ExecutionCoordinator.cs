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
    private readonly SemaphoreSlim _waiting = new(0); // one count per scenario waiting in any batch
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
    public int WaitingScenarios => _waiting.CurrentCount;

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
    /// <paramref name="kill"/> kills the runners busy with it.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ProcessResult>> RunAsync(IReadOnlyList<ProcessDataPackage> packages, BatchEventHub hub,
        Action<ProcessResult, double>? finished = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default, CancellationToken kill = default)
    {
        var work = new BatchWork(packages, hub, finished, timeout, cancellationToken);
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

            _waiting.Release(packages.Count);
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

            if (NextInTurn() is not var (work, package))
            {
                continue; // cannot happen: the count matches the waiting packages
            }

            var reporter = new SlotReporter(work.Hub, slot.SlotId, package);
            if (work.CancellationToken.IsCancellationRequested)
            {
                var canceled = Canceled(package);
                work.Hub.Publish(reporter.Draft(new ScenarioFinished { Status = ScenarioStatus.FinishedWithError, Message = "canceled before it started", Result = canceled }));
                work.Finish(package, canceled, 0);
                continue;
            }

            work.Hub.Publish(reporter.Draft(new SlotBusy { Status = ScenarioStatus.InitProcess, TicksTotal = package.Ticks.Count }));
            work.Hub.Publish(reporter.Draft(new ScenarioStarted { Status = ScenarioStatus.InitProcess, TicksTotal = package.Ticks.Count }));
            var handedOver = Stopwatch.GetTimestamp();
            work.Busy[slot.SlotId] = slot;
            Interlocked.Increment(ref _busy);
            ProcessResult result;
            try
            {
                result = await slot.RunAsync(package, reporter, work.Timeout, work.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A slot reports failures in its result; an exception here is a bug, and must not leave the batch waiting.
                result = ProcessResult.Failed(package.ScenarioIndex, package.ScenarioName, package.Symbol, FailureKind.RunnerCrashed, $"The slot failed: {ex.Message}");
            }
            finally
            {
                work.Busy.TryRemove(slot.SlotId, out _);
                Interlocked.Decrement(ref _busy);
            }

            var slotMs = Stopwatch.GetElapsedTime(handedOver).TotalMilliseconds;
            work.Hub.Publish(reporter.Draft(new ScenarioFinished
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
            work.Hub.Publish(new SlotIdle { SlotId = slot.SlotId });
            work.Finish(package, result, slotMs);
        }
    }

    /// <summary>The next waiting package, taking the batches in turn.</summary>
    private (BatchWork Work, ProcessDataPackage Package)? NextInTurn()
    {
        lock (_batches)
        {
            var start = _turn % Math.Max(1, _batches.Count);
            for (var i = 0; i < _batches.Count; i++)
            {
                var at = (start + i) % _batches.Count;
                if (_batches[at].Waiting.TryDequeue(out var package))
                {
                    _turn = at + 1; // the next pick starts after this batch, also when one joins at the end meanwhile
                    return (_batches[at], package);
                }
            }

            return null;
        }
    }

    private static ProcessResult Canceled(ProcessDataPackage package) =>
        ProcessResult.Failed(package.ScenarioIndex, package.ScenarioName, package.Symbol, FailureKind.Canceled, "The batch was canceled before this scenario started.");

    /// <summary>One batch in the coordinator: its waiting packages, results so far, and the slots busy with it.</summary>
    private sealed class BatchWork(IReadOnlyList<ProcessDataPackage> packages, BatchEventHub hub, Action<ProcessResult, double>? finished, TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        private int _left = packages.Count;

        public ConcurrentQueue<ProcessDataPackage> Waiting { get; } = new(packages);

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
