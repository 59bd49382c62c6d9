using System.Collections.Concurrent;
using Finiex.Core.Scenarios;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Registry;
using Finiex.Orchestration.Service;

namespace Finiex.Server;

/// <summary>
/// The server's runs: each submission becomes a <see cref="BatchJob"/> on the process-wide runner pool, recorded in the
/// <see cref="RunRegistry"/> as it moves through its stages. At most <see cref="ServerSettings.MaxParallelRuns"/> go at
/// once, up to <see cref="ServerSettings.MaxQueuedRuns"/> wait, and beyond that a submission is refused.
/// </summary>
public sealed class RunManager : IAsyncDisposable
{
    private readonly ServerSettings _settings;
    private readonly ExecutionCoordinator _pool;
    private readonly SemaphoreSlim _going;
    private readonly ConcurrentDictionary<string, (BatchJob Job, CancellationTokenSource Cancel, Task Work)> _active = new();
    private int _admitted;

    public RunManager(ServerSettings settings)
    {
        _settings = settings;
        Registry = RunRegistry.Open(Path.Combine(settings.ResultsRoot, RunRegistry.FileName));
        _pool = ExecutionCoordinator.WithRunnerProcesses(settings.Runners, settings.MaxParallelRuns);
        _going = new SemaphoreSlim(settings.MaxParallelRuns);
    }

    public RunRegistry Registry { get; }

    /// <summary>Queues a run; it starts when one of the parallel places is free.</summary>
    /// <exception cref="RunQueueFullException">Too many runs are going or waiting.</exception>
    public RunRecord Submit(RunSubmission submission)
    {
        if (Interlocked.Increment(ref _admitted) > _settings.MaxParallelRuns + _settings.MaxQueuedRuns)
        {
            Interlocked.Decrement(ref _admitted);
            throw new RunQueueFullException($"{_settings.MaxParallelRuns} runs are going and {_settings.MaxQueuedRuns} waiting: try again when one has finished.");
        }

        var id = BatchJob.NewId(Path.GetFileNameWithoutExtension(submission.Set ?? "run"), DateTimeOffset.UtcNow);
        var job = new BatchJob(new BatchRequest
        {
            Id = id,
            SetFile = submission.Set,
            StoreFolder = _settings.StoreFolder,
            OutRoot = _settings.ResultsRoot,
            Mode = submission.Mode is { } mode ? Enum.Parse<ExecutionMode>(mode, ignoreCase: true) : ExecutionMode.Processes,
            ScenarioTimeout = submission.ScenarioTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        }, _pool);
        var now = DateTimeOffset.UtcNow;
        var record = new RunRecord
        {
            Id = id, SetName = Path.GetFileNameWithoutExtension(submission.Set ?? ""), SetFile = submission.Set ?? "", CreatedAt = now, UpdatedAt = now, Message = "waiting for a free place",
        };
        Registry.Add(record);
        var cancel = new CancellationTokenSource();
        _active[id] = (job, cancel, Task.Run(() => ExecuteAsync(record, job, cancel.Token)));
        return record;
    }

    /// <summary>The events of a run still going, queued ones included (null once it has ended).</summary>
    public BatchEventHub? EventsOf(string id) => _active.TryGetValue(id, out var run) ? run.Job.Events : null;

    /// <summary>Whether the run is still going (queued or running).</summary>
    public bool IsActive(string id) => _active.ContainsKey(id);

    /// <summary>Cancels a run that has not finished; false when there is none.</summary>
    public bool Cancel(string id)
    {
        if (!_active.TryGetValue(id, out var run))
        {
            return false;
        }

        run.Cancel.Cancel();
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var run in _active.Values)
        {
            await run.Cancel.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_active.Values.Select(r => r.Work)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _pool.DisposeAsync().ConfigureAwait(false);
        _going.Dispose();
    }

    private async Task ExecuteAsync(RunRecord record, BatchJob job, CancellationToken cancel)
    {
        var run = record;
        void Save(Func<RunRecord, RunRecord> change)
        {
            lock (job)
            {
                run = change(run) with { UpdatedAt = DateTimeOffset.UtcNow };
                Registry.Update(run);
            }
        }

        try
        {
            await _going.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                Save(r => r with { Stage = BatchStage.Validating, Message = "checking the set" });
                var report = job.Validate();
                Save(r => r with { SetName = report.Name, Stage = BatchStage.PreparingData, Message = "creating the results folder" });
                job.Prepare();
                var total = report.Scenarios.Count(s => s.Enabled);
                var done = 0;
                using var progress = job.Events.Subscribe(e =>
                {
                    if (e.Kind == BatchEventKind.ScenarioFinished)
                    {
                        var finished = Interlocked.Increment(ref done);
                        Save(r => r with { Progress = 100.0 * finished / Math.Max(1, total), Message = $"{finished} of {total} scenarios" });
                    }
                });
                Save(r => r with { Stage = BatchStage.Running, ResultsFolder = job.Results.FullPath, Message = $"0 of {total} scenarios" });
                var batch = await job.RunAsync(cancel: cancel).ConfigureAwait(false);
                Save(r => r with { Stage = BatchStage.WritingResults, Message = "writing the summary and the report" });
                var completion = job.Complete(batch);
                Save(r => r with
                {
                    Stage = job.Stage,
                    Progress = 100,
                    Message = $"{batch.Scenarios.Count(s => s.Result.Success)} of {batch.Scenarios.Count} scenarios completed",
                    Error = completion.SummaryError ?? (job.Stage == BatchStage.Failed ? "some scenarios did not complete: see the report" : null),
                    FinishedAt = DateTimeOffset.UtcNow,
                });
            }
            finally
            {
                _going.Release();
            }
        }
        catch (OperationCanceledException)
        {
            Save(r => r with { Stage = BatchStage.Canceled, Message = "canceled before it started", FinishedAt = DateTimeOffset.UtcNow });
        }
        catch (BatchJobException ex)
        {
            var problems = job.Report?.AllProblems().Where(p => p.Severity == Finiex.Scenarios.Validation.ProblemSeverity.Error).Take(5)
                .Select(p => $"{p.Path}: {p.Message}") ?? [];
            Save(r => r with { Stage = BatchStage.Failed, Error = string.Join("; ", [ex.Message, .. problems]), FinishedAt = DateTimeOffset.UtcNow });
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
            if (_active.TryRemove(run.Id, out var entry))
            {
                entry.Cancel.Dispose();
            }

            job.Dispose();
        }
    }
}
