using System.Collections.Concurrent;
using System.Text.Json;
using Finiex.Core.Scenarios;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Registry;
using Finiex.Orchestration.Results;
using Finiex.Orchestration.Service;
using Finiex.Scenarios;
using Finiex.Scenarios.Validation;
using Finiex.Server.Live;

namespace Finiex.Server.Runs;

/// <summary>
/// The server's runs: each submission is checked (400 with every problem's JSON path), then becomes a
/// <see cref="BatchJob"/> on the process-wide runner pool, recorded in the <see cref="RunRegistry"/> and published on
/// the <see cref="Feed"/> as it moves through its stages, with its log kept (<see cref="RunLog"/>). At most
/// <see cref="ServerSettings.MaxParallelRuns"/> go at once, up to <see cref="ServerSettings.MaxQueuedRuns"/> wait, and
/// beyond that a submission is refused.
/// </summary>
public sealed class RunManager : IAsyncDisposable
{
    private const int MaxProblemsListed = 100;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);
    private readonly ServerSettings _settings;
    private readonly ExecutionCoordinator _pool;
    private readonly SemaphoreSlim _going;
    private readonly ConcurrentDictionary<string, ActiveRun> _active = new();
    private readonly ConcurrentDictionary<string, RunLog> _endedLogs = new();
    private int _admitted;
    private int _running;

    public RunManager(ServerSettings settings)
    {
        _settings = settings;
        Registry = RunRegistry.Open(Path.Combine(settings.ResultsRoot, RunRegistry.FileName));
        _pool = ExecutionCoordinator.WithRunnerProcesses(settings.Runners, settings.MaxParallelRuns);
        _going = new SemaphoreSlim(settings.MaxParallelRuns);
    }

    public RunRegistry Registry { get; }

    public RunFeed Feed { get; } = new();

    public RateMeter Ticks { get; } = new();

    public RateMeter Events { get; } = new();

    public LiveClients Clients { get; } = new();

    public ServerSettings Settings => _settings;

    /// <summary>Checks the set and queues the run; it starts when one of the parallel places is free.</summary>
    /// <exception cref="RunSubmissionException">The submission or its set has problems (every one, with its JSON path).</exception>
    /// <exception cref="RunQueueFullException">Too many runs are going or waiting.</exception>
    public RunRecord Submit(RunSubmission submission)
    {
        ExecutionMode? mode = null;
        if (submission.Mode is { } modeName)
        {
            mode = Enum.TryParse<ExecutionMode>(modeName, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw new RunSubmissionException($"mode '{modeName}' is not one of auto, sequential, threads, processes");
        }

        if (submission.ScenarioTimeoutSeconds is <= 0 or > 7 * 24 * 3600)
        {
            throw new RunSubmissionException("scenario_timeout_seconds must be between 0 and 604800 (a week)");
        }

        if (Interlocked.Increment(ref _admitted) > _settings.MaxParallelRuns + _settings.MaxQueuedRuns)
        {
            Interlocked.Decrement(ref _admitted);
            throw new RunQueueFullException($"{_settings.MaxParallelRuns} runs are going and {_settings.MaxQueuedRuns} waiting: try again when one has finished.");
        }

        try
        {
            return Start(submission, mode);
        }
        catch
        {
            Interlocked.Decrement(ref _admitted);
            throw;
        }
    }

    /// <summary>The run's log: a going run's own, or an ended run's read back from its file; null for an unknown run.</summary>
    public RunLog? LogOf(string id)
    {
        if (_active.TryGetValue(id, out var run))
        {
            return run.Log;
        }

        if (Registry.Get(id) is null)
        {
            return null;
        }

        if (_endedLogs.Count > 32)
        {
            _endedLogs.Clear();
        }

        return _endedLogs.GetOrAdd(id, _ => RunLog.Load(LogFile(id), _settings.LogLinesKept));
    }

    public string LogFile(string id) => Path.Combine(_settings.ResultsRoot, ".server", "logs", $"{id}.jsonl");

    /// <summary>The events of a run still going, queued ones included (null once it has ended).</summary>
    public BatchEventHub? EventsOf(string id) => _active.TryGetValue(id, out var run) ? run.Job.Events : null;

    /// <summary>Whether the run is still going (queued or running).</summary>
    public bool IsActive(string id) => _active.ContainsKey(id);

    /// <summary>The run's latest record: a going run's from memory, else the registry's.</summary>
    public RunRecord? Get(string id) => _active.TryGetValue(id, out var run) ? run.Record : Registry.Get(id);

    /// <summary>Cancels a run that has not finished; false when there is none.</summary>
    public bool Cancel(string id)
    {
        if (!_active.TryGetValue(id, out var run))
        {
            return false;
        }

        if (!run.Cancel.IsCancellationRequested)
        {
            Note(run, "WARN", "cancel requested: running scenarios stop at their next checkpoint, waiting ones do not start");
            run.Cancel.Cancel();
        }

        return true;
    }

    /// <summary>Deletes a finished run: its registry entry, results folder, log and pasted set.</summary>
    public async Task<RunDeletion> DeleteAsync(string id)
    {
        if (_active.TryGetValue(id, out var going))
        {
            if (!going.Record.IsFinished)
            {
                return RunDeletion.StillGoing;
            }

            await going.Work.ConfigureAwait(false); // it has ended and is closing its log
        }

        var run = Registry.Get(id);
        if (run is null)
        {
            return RunDeletion.NotFound;
        }

        if (!run.IsFinished)
        {
            return RunDeletion.StillGoing;
        }

        Feed.Publish(RunChangeKind.Removed, run, () => Registry.Remove(id));
        _endedLogs.TryRemove(id, out _);
        DeleteFiles(run);
        return RunDeletion.Deleted;
    }

    /// <summary>Deletes finished runs beyond the retention limits (per set by count, and by age); never a going one.</summary>
    public async Task<IReadOnlyList<string>> PruneAsync(DateTimeOffset now)
    {
        var policy = new RetentionPolicy(_settings.KeepRunsPerSet > 0 ? _settings.KeepRunsPerSet : null, _settings.KeepDays > 0 ? TimeSpan.FromDays(_settings.KeepDays) : null);
        if (policy is { Keep: null, MaxAge: null })
        {
            return [];
        }

        var pruned = new List<string>();
        foreach (var run in policy.ToPrune(Registry.List(int.MaxValue), now, r => r.SetName, r => r.CreatedAt, r => !r.IsFinished || _active.ContainsKey(r.Id)))
        {
            if (await DeleteAsync(run.Id).ConfigureAwait(false) == RunDeletion.Deleted)
            {
                pruned.Add(run.Id);
            }
        }

        return pruned;
    }

    public ServerMetrics Metrics()
    {
        var byStage = Enum.GetValues<BatchStage>().ToDictionary(s => JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()), _ => 0);
        foreach (var (stage, count) in Registry.CountByStage())
        {
            byStage[JsonNamingPolicy.SnakeCaseLower.ConvertName(stage.ToString())] = count;
        }

        var going = Volatile.Read(ref _running);
        return new ServerMetrics(byStage, _pool.Slots.Count, _pool.BusySlots, going, Math.Max(0, _active.Count - going), _pool.WaitingScenarios,
            Ticks.PerSecond(), Ticks.Total, Events.PerSecond(), Events.Total, Clients.Connected, Clients.Resyncs, Clients.Dropped);
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

    private RunRecord Start(RunSubmission submission, ExecutionMode? mode)
    {
        var name = submission.Definition is { ValueKind: JsonValueKind.Object } definition && definition.TryGetProperty("name", out var named) && named.ValueKind == JsonValueKind.String
            ? named.GetString()!
            : Path.GetFileNameWithoutExtension(submission.Set ?? "pasted");
        var id = BatchJob.NewId(name, DateTimeOffset.UtcNow);
        var setFile = SetSource.Resolve(submission, _settings.ConfigsFolder, id);
        var report = Check(setFile, pasted: submission.Definition is not null);
#pragma warning disable CA2000 // the job and its log belong to the ActiveRun, disposed when the run ends
        var job = new BatchJob(new BatchRequest
        {
            Id = id,
            SetFile = setFile,
            StoreFolder = _settings.StoreFolder,
            OutRoot = _settings.ResultsRoot,
            Mode = mode ?? ExecutionMode.Processes,
            ScenarioTimeout = submission.ScenarioTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        }, _pool);
        var now = DateTimeOffset.UtcNow;
        var record = new RunRecord
        {
            Id = id, SetName = report.Name is { Length: > 0 } setName ? setName : name, SetFile = setFile, CreatedAt = now, UpdatedAt = now, Message = "waiting for a free place",
        };
        var run = new ActiveRun(job, RunLog.Create(LogFile(id), _settings.LogLinesKept), record);
#pragma warning restore CA2000
        job.Events.Subscribe(e => Observe(run, e));
        Feed.Publish(RunChangeKind.Added, record, () => Registry.Add(record));
        _active[id] = run;
        Note(run, "INFO", $"queued: {report.Scenarios.Count(s => s.Enabled)} scenario(s) of {Path.GetFileName(setFile)}");
        run.Work = Task.Run(() => ExecuteAsync(run));
        return record;
    }

    /// <summary>Loads the set as the job will; any error, or too many scenarios, refuses the submission.</summary>
    private ScenarioSetReport Check(string setFile, bool pasted)
    {
        var report = new ScenarioSetLoader(StrategyCatalog.CreateDefault(), TickStore.Resolve(_settings.StoreFolder)).Load(setFile);
        var errors = report.AllProblems().Where(p => p.Severity == ProblemSeverity.Error).Select(p => $"{p.Path}: {p.Message}{(p.Hint is { Length: > 0 } hint ? $" ({hint})" : "")}").ToList();
        var problem = errors.Count > 0 ? $"the set has {errors.Count} problem(s): fix them and submit again (finiex validate SET.json shows the same)"
            : report.Scenarios.Length > _settings.MaxScenariosPerRun ? $"the set has {report.Scenarios.Length} scenarios; this server runs at most {_settings.MaxScenariosPerRun} per run: split it"
            : report.Scenarios.All(s => !s.Enabled) ? "every scenario of the set is disabled" : null;
        if (problem is null)
        {
            return report;
        }

        if (pasted)
        {
            File.Delete(setFile);
        }

        throw new RunSubmissionException(problem, errors.Count <= MaxProblemsListed ? errors
            : [.. errors.Take(MaxProblemsListed), $"… and {errors.Count - MaxProblemsListed} more: finiex validate SET.json lists them all"]);
    }

    /// <summary>Called in sequence order on the publishing thread: must return at once.</summary>
    private void Observe(ActiveRun run, BatchEvent e)
    {
        Events.Add(1);
        switch (e)
        {
            case BatchFinished:
                run.SawEnd = true;
                break;
            case LogWritten line:
                run.Log.Append(RunLogLine.Of(line));
                break;
            case ScenarioProgress or ScenarioFinished when e.ScenarioIndex >= 0:
                var scenario = (ScenarioEvent)e;
                Ticks.Add(run.NewTicks(e.ScenarioIndex, scenario.TicksProcessed));
                break;
        }
    }

    private async Task ExecuteAsync(ActiveRun run)
    {
        var job = run.Job;
        var cancel = run.Cancel.Token;
        try
        {
            await _going.WaitAsync(cancel).ConfigureAwait(false);
            Interlocked.Increment(ref _running);
            try
            {
                Save(run, r => r with { Stage = BatchStage.Validating, Message = "checking the set" });
                var report = job.Validate();
                Save(run, r => r with { SetName = report.Name, Stage = BatchStage.PreparingData, Message = "creating the results folder" });
                job.Prepare();
                Save(run, r => r with { Stage = BatchStage.Running, ResultsFolder = job.Results.FullPath, Message = "starting the scenarios" });
                var going = job.RunAsync(cancel: cancel);
                var progress = new RunProgress(report);
                while (await Task.WhenAny(going, Task.Delay(ProgressInterval, CancellationToken.None)).ConfigureAwait(false) != going)
                {
                    var (percent, message) = progress.Of(job.Events.Snapshot());
                    if (percent != run.Record.Progress || message != run.Record.Message)
                    {
                        Save(run, r => r with { Progress = percent, Message = message });
                    }
                }

                var batch = await going.ConfigureAwait(false);
                Save(run, r => r with { Stage = BatchStage.WritingResults, Message = "writing the summary and the report" });
                var completion = job.Complete(batch);
                var completed = batch.Scenarios.Count(s => s.Result.Success);
                Save(run, r => r with
                {
                    Stage = job.Stage,
                    Progress = 100,
                    Message = $"{completed} of {batch.Scenarios.Count} scenarios completed",
                    Error = completion.SummaryError ?? (job.Stage == BatchStage.Failed ? FailureOf(batch) : null),
                    FinishedAt = DateTimeOffset.UtcNow,
                });
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                _going.Release();
            }
        }
        catch (OperationCanceledException)
        {
            Save(run, r => r with { Stage = BatchStage.Canceled, Message = "canceled before it started", FinishedAt = DateTimeOffset.UtcNow });
        }
        catch (BatchJobException ex)
        {
            var problems = job.Report?.AllProblems().Where(p => p.Severity == ProblemSeverity.Error).Take(5).Select(p => $"{p.Path}: {p.Message}") ?? [];
            Save(run, r => r with { Stage = BatchStage.Failed, Error = string.Join("; ", [ex.Message, .. problems]), FinishedAt = DateTimeOffset.UtcNow });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Save(run, r => r with { Stage = BatchStage.Failed, Error = $"{ex.Message} (check the results folder {_settings.ResultsRoot} is writable and has space)", FinishedAt = DateTimeOffset.UtcNow });
        }
        finally
        {
            if (!run.SawEnd)
            {
                job.Events.Publish(new BatchFinished(run.Record.Error ?? run.Record.Message));
            }

            await run.Log.DisposeAsync().ConfigureAwait(false);
            Interlocked.Decrement(ref _admitted);
            _active.TryRemove(run.Record.Id, out _);
            run.Dispose();
            job.Dispose();
        }
    }

    private static string FailureOf(BatchResult batch)
    {
        var failed = batch.Scenarios.Where(s => !s.Result.Success).ToList();
        var first = failed.FirstOrDefault()?.Result.Error;
        return $"{failed.Count} scenario(s) did not complete{(first is null ? "" : $", first: {first.Kind}: {first.Message}")}; see the run's log and report";
    }

    /// <summary>Changes the run's record: saved to the registry, published on the feed, and written to its log when the stage changed.</summary>
    private void Save(ActiveRun run, Func<RunRecord, RunRecord> change)
    {
        lock (run)
        {
            var before = run.Record;
            var after = change(before) with { UpdatedAt = DateTimeOffset.UtcNow };
            if (after.Stage != before.Stage)
            {
                // logged before the record says so: whoever sees the new stage finds its line in the log
                Note(run, after.Stage == BatchStage.Failed ? "ERROR" : "INFO", after.Stage.IsFinal() ? $"{after.Stage.Label()}: {after.Error ?? after.Message}" : after.Stage.Label());
            }

            Feed.Publish(RunChangeKind.Updated, after, () => Registry.Update(after));
            run.Record = after; // after the registry has it, so a reader of the record finds its stage history there too
        }
    }

    /// <summary>A line of the run's own in its log (and to everyone following it live).</summary>
    private static void Note(ActiveRun run, string level, string message) =>
        run.Job.Events.Publish(new LogWritten(level, message));

    private void DeleteFiles(RunRecord run)
    {
        foreach (var file in new[] { LogFile(run.Id), Path.Combine(Path.GetFullPath(_settings.ConfigsFolder), SetSource.SubmittedFolder, $"{run.Id}.json") })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }

        if (run.ResultsFolder is { } folder && Directory.Exists(folder) && IsUnder(folder, _settings.ResultsRoot))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool IsUnder(string path, string root) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
