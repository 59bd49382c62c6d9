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

    Task<ProcessResult> RunAsync(ProcessDataPackage package, SlotReporter reporter, CancellationToken cancellationToken);

    /// <summary>Gets ready before the first scenario (a runner process starts and handshakes), so the pool starts in parallel.</summary>
    Task WarmUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
