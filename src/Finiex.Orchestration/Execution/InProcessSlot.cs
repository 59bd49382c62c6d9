using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Serilog;

namespace Finiex.Orchestration.Execution;

/// <summary>
/// Runs scenarios on a thread of this process: the threads and sequential modes, and the debugger's choice. Store files
/// are opened through the batch's <see cref="TickFileCache"/> when one is given, as a runner keeps them mapped.
/// </summary>
public sealed class InProcessSlot(int slotId, StrategyCatalog catalog, TickFileCache? files = null) : IExecutionSlot
{
    public int SlotId => slotId;

    public async Task<ProcessResult> RunAsync(ProcessDataPackage package, SlotReporter reporter, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ProcessResult? result = null;
        await RunFusedAsync([package], _ => reporter, timeout, r => result = r, cancellationToken).ConfigureAwait(false);
        return result!;
    }

    public Task RunFusedAsync(IReadOnlyList<ProcessDataPackage> packages, Func<ProcessDataPackage, SlotReporter> reporters, TimeSpan? timeout,
        Action<ProcessResult> finished, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (timeout is { } limit)
            {
                stop.CancelAfter(limit * packages.Count);
            }

            var runner = new ScenarioRunner(catalog, source => StoreTickData.Open(source, files), package =>
            {
                var reporter = reporters(package);
                return new ScenarioChannels(reporter, new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(reporter).CreateLogger());
            });
            runner.Run(packages, result => finished(result.Error is { Kind: FailureKind.Canceled } && !cancellationToken.IsCancellationRequested
                ? result with { Error = new ErrorInfo(FailureKind.TimedOut, Processes.RunnerSession.TimeoutMessage(timeout!.Value)) }
                : result), stop.Token);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
