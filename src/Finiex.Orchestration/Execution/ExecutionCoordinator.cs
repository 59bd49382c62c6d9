using System.Diagnostics;
using System.Collections.Concurrent;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Engine.Loop;
using Finiex.Orchestration.Events;

namespace Finiex.Orchestration.Execution;

/// <summary>
/// Hands packages to N slots: each slot takes the next waiting package when it is free, so a long scenario never
/// holds up the others. Publishes slot and scenario events, hands each result (with its slot time) to <c>finished</c> the moment it exists,
/// and returns the results by scenario index.
/// </summary>
public sealed class ExecutionCoordinator(IReadOnlyList<IExecutionSlot> slots, BatchEventHub hub, Action<ProcessResult, double>? finished = null)
{
    private readonly ConcurrentDictionary<int, double> _slotMs = new();

    /// <summary>Per scenario index: the time its slot took, from handing over the package to holding the result.</summary>
    public IReadOnlyDictionary<int, double> SlotMilliseconds => _slotMs;

    public async Task<IReadOnlyDictionary<int, ProcessResult>> RunAsync(IReadOnlyList<ProcessDataPackage> packages, CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<ProcessDataPackage>(packages);
        var results = new ConcurrentDictionary<int, ProcessResult>();
        await Task.WhenAll(slots.Select(slot => Task.Run(() => DrainAsync(slot, queue, results, cancellationToken), CancellationToken.None))).ConfigureAwait(false);
        return results;
    }

    private async Task DrainAsync(IExecutionSlot slot, ConcurrentQueue<ProcessDataPackage> queue, ConcurrentDictionary<int, ProcessResult> results, CancellationToken cancellationToken)
    {
        while (queue.TryDequeue(out var package))
        {
            var reporter = new SlotReporter(hub, slot.SlotId, package);
            if (cancellationToken.IsCancellationRequested)
            {
                results[package.ScenarioIndex] = Canceled(package);
                finished?.Invoke(results[package.ScenarioIndex], 0);
                hub.Publish(reporter.Draft(BatchEventKind.ScenarioFinished) with { Status = ScenarioStatus.FinishedWithError, Message = "canceled before it started", Result = results[package.ScenarioIndex] });
                continue;
            }

            hub.Publish(reporter.Draft(BatchEventKind.SlotBusy) with { Status = ScenarioStatus.InitProcess, TicksTotal = package.Ticks.Count });
            hub.Publish(reporter.Draft(BatchEventKind.ScenarioStarted) with { Status = ScenarioStatus.InitProcess, TicksTotal = package.Ticks.Count });
            var handedOver = Stopwatch.GetTimestamp();
            var result = await slot.RunAsync(package, reporter, cancellationToken).ConfigureAwait(false);
            _slotMs[package.ScenarioIndex] = Stopwatch.GetElapsedTime(handedOver).TotalMilliseconds;
            results[package.ScenarioIndex] = result;
            finished?.Invoke(result, _slotMs[package.ScenarioIndex]);
            hub.Publish(reporter.Draft(BatchEventKind.ScenarioFinished) with
            {
                Status = result.Success ? ScenarioStatus.Completed : ScenarioStatus.FinishedWithError,
                Result = result,
                TicksProcessed = result.Statistics?.TicksProcessed ?? 0,
                TicksTotal = package.Ticks.Count,
                Balance = result.Statistics?.FinalBalance ?? 0,
                Equity = result.Statistics?.FinalEquity ?? 0,
                Trades = (int)(result.Statistics?.Trades ?? 0),
                Message = result.Error is { } error ? $"{error.Kind}: {error.Message}" : "",
            });
            hub.Publish(new BatchEvent { Sequence = 0, Time = default, Kind = BatchEventKind.SlotIdle, SlotId = slot.SlotId });
        }
    }

    private static ProcessResult Canceled(ProcessDataPackage package) =>
        ProcessResult.Failed(package.ScenarioIndex, package.ScenarioName, package.Symbol, FailureKind.Canceled, "The batch was canceled before this scenario started.");
}
