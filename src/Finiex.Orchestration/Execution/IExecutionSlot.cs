using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;

namespace Finiex.Orchestration.Execution;

/// <summary>
/// One lane of parallel execution: runs one scenario at a time, each with a fresh object graph, wherever it runs
/// (this process or a runner process). A slot never throws for a failing scenario; the failure is in the result.
/// </summary>
public interface IExecutionSlot : IAsyncDisposable
{
    int SlotId { get; }

    /// <summary>Runs one scenario; past <paramref name="timeout"/> it is stopped and fails as timed out.</summary>
    Task<ProcessResult> RunAsync(ProcessDataPackage package, SlotReporter reporter, TimeSpan? timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Runs scenarios over the same ticks and window together, as one fused sweep where the slot can (a runner or a
    /// thread: one pass over the ticks, bars and workers shared); <paramref name="finished"/> gets each result the moment
    /// it exists, exactly once per scenario. A fused group's time limit is <paramref name="timeout"/> times its size.
    /// </summary>
    async Task RunFusedAsync(IReadOnlyList<ProcessDataPackage> packages, Func<ProcessDataPackage, SlotReporter> reporters, TimeSpan? timeout,
        Action<ProcessResult> finished, CancellationToken cancellationToken)
    {
        foreach (var package in packages)
        {
            finished(await RunAsync(package, reporters(package), timeout, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Ends the running scenario at once (a second Ctrl+C): kills a runner; a thread cannot be killed and finishes at its next checkpoint.</summary>
    Task KillAsync() => Task.CompletedTask;

    /// <summary>
    /// Whether a scenario whose runner was lost runs once more on a new runner: on a cluster a runner dies of causes
    /// outside the scenario (its step canceled, its node gone); here a runner's death is the scenario's own doing.
    /// </summary>
    bool RetriesLostRunners => false;

    /// <summary>Gets ready before the first scenario (a runner process starts and handshakes), so the pool starts in parallel.</summary>
    Task WarmUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
