using System.Globalization;
using System.Security.Cryptography;
using Finiex.Core.Scenarios;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Reports;
using Finiex.Orchestration.Results;
using Finiex.Scenarios;
using Finiex.Scenarios.Validation;

namespace Finiex.Orchestration.Service;

/// <summary>
/// One batch from request to results, stage by stage, as <c>finiex run</c> (and a server) drive it: <see cref="Validate"/>
/// the set, <see cref="Prepare"/> the plan and the results folder (a new one, or an interrupted run's to resume),
/// <see cref="RunAsync"/> the scenarios (publishing to <see cref="Events"/>), <see cref="Complete"/> the summary and report. Its <see cref="Id"/> is
/// <c>&lt;set&gt;--&lt;yyyy-MM-dd_HH.mm.ss&gt;--&lt;6 hex&gt;</c>; <see cref="Stage"/> says where it is. A caller renders what
/// it likes between the stages; a stage that cannot go on throws <see cref="BatchJobException"/>. Given a shared
/// coordinator (a server's runner pool), a job planned for runner processes runs on it instead of starting its own.
/// </summary>
public sealed class BatchJob(BatchRequest request, ExecutionCoordinator? sharedSlots = null) : IDisposable
{
    private readonly DateTimeOffset _created = DateTimeOffset.UtcNow;
    private readonly TickStore _store = TickStore.Resolve(request.StoreFolder);
    private ResultsFolder? _results;
    private BatchEventHub? _events = request.Id is { } id ? new BatchEventHub(id) : null; // a caller-chosen id: events can be followed from the start

    public string Id { get; private set; } = request.Id ?? "";

    public BatchStage Stage { get; private set; } = BatchStage.Pending;

    public BatchRequest Request => request;

    /// <summary>The batch's events (their <see cref="BatchEvent.BatchId"/> is <see cref="Id"/>); there from <see cref="Validate"/> on, or from the start when the request chose the id.</summary>
    public BatchEventHub Events => _events ?? throw new InvalidOperationException("The job has no events before Validate.");

    public ScenarioSetReport? Report { get; private set; }

    public ExecutionPlan? Plan { get; private set; }

    public BatchSize? Size { get; private set; }

    public ResumedRun? Resumed { get; private set; }

    public ResultsFolder Results => _results ?? throw new InvalidOperationException("The job has no results folder: before Prepare, or kept in memory (no OutRoot).");

    /// <summary>Loads and checks the set; returns the report even when some scenarios are invalid (they fail, the rest run).</summary>
    /// <exception cref="BatchJobException">No set, a set with errors of its own, or nothing in it can run.</exception>
    public ScenarioSetReport Validate()
    {
        Stage = BatchStage.Validating;
        var setFile = request.SetFile;
        if (setFile is null && request.ResumeFolder is { } folder)
        {
            setFile = Guard(() => RunConfig.Read(folder).SourceFile);
        }

        if (setFile is null)
        {
            throw Fail(new BatchJobException(BatchJobError.NoSet, "give the scenario set to run (finiex run SET.json), or --resume RESULTS_DIR to go on with an interrupted run."));
        }

        var report = new ScenarioSetLoader(StrategyCatalog.CreateDefault(), _store, request.Plugins).Load(setFile);
        Report = report;
        Id = request.Id ?? NewId(report.Name, _created);
        _events ??= new BatchEventHub(Id);
        var runnable = report.ToRunnableSet();
        if (runnable is null || runnable.Scenarios.Length == 0)
        {
            throw Fail(runnable is null
                ? new BatchJobException(BatchJobError.SetUnusable, "The set cannot run: fix the problems above (finiex validate lists them all).")
                : new BatchJobException(BatchJobError.NothingRunnable, "No scenario of the set can run: fix the problems above (finiex validate lists them all)."));
        }

        var counted = report.Scenarios.Where(s => s.Enabled && s.IsValid).ToList();
        Size = counted.All(s => s.Ticks is not null) ? new BatchSize(counted.Count, counted.Sum(s => s.Ticks!.Value)) : null;
        Plan = request.Cluster is { } cluster
            ? ExecutionPlan.OnSlurm(cluster.Tasks)
            : ExecutionPlan.Choose(request.Mode, request.Parallel, runnable.Scenarios.FirstOrDefault()?.Execution ?? ExecutionConfig.Default, Size);
        return report;
    }

    /// <summary>Creates the results folder (proving it writable) or reopens the interrupted run's, keeping what it completed.</summary>
    /// <exception cref="BatchJobException">The folder cannot be written, or the run cannot be resumed (the set changed...).</exception>
    public void Prepare()
    {
        var (report, plan) = (Report ?? throw new InvalidOperationException("Validate first."), Plan!);
        Stage = BatchStage.PreparingData;
        var mode = plan.Mode.ToString().ToLowerInvariant();
        _results = Guard(() =>
        {
            if (request.ResumeFolder is { } folder)
            {
                Resumed = ResumedRun.From(folder, report);
                return ResultsFolder.Reopen(Resumed.Run, report, new BatchHeader(report.Name, report.SourceFile, Resumed.Run.Summary.StartedAt, mode, plan.Parallelism), Resumed.Kept);
            }

            return request.OutRoot is { } root ? ResultsFolder.Create(root, report, new BatchHeader(report.Name, report.SourceFile, _created, mode, plan.Parallelism)) : null;
        });
    }

    /// <summary>
    /// Runs every scenario not kept from an earlier attempt; <paramref name="observer"/> hears of each outcome after its
    /// files are written. <paramref name="cancel"/> stops scenarios at their next checkpoint; <paramref name="kill"/> kills runners.
    /// </summary>
    public async Task<BatchResult> RunAsync(IScenarioOutcomeSink? observer = null, CancellationToken cancel = default, CancellationToken kill = default)
    {
        Stage = BatchStage.Running;
        IScenarioOutcomeSink[] sinks = [.. new[] { _results, observer }.OfType<IScenarioOutcomeSink>()];
        var batch = await new BatchOrchestrator(_store, StrategyCatalog.CreateDefault(), Events).RunAsync(Report!, Plan!, new BatchOptions
        {
            Profiling = request.Profiling,
            TraceBars = request.TraceBars,
            ScenarioTimeout = request.ScenarioTimeout,
            FuseUpTo = request.FuseUpTo,
            Outcomes = sinks.Length == 1 ? sinks[0] : sinks.Length > 1 ? new OutcomeSinks(sinks) : null,
            Kept = Resumed?.Kept ?? [],
            Coordinator = sharedSlots,
            Cluster = request.Cluster,
        }, cancel, kill).ConfigureAwait(false);
        Stage = BatchStage.WritingResults;
        return batch;
    }

    /// <summary>Writes the final summary.json and report.html; what cannot be written is reported, never thrown.</summary>
    public BatchCompletion Complete(BatchResult batch)
    {
        string? summaryError = null;
        string? reportPath = null;
        try
        {
            Results.Complete(batch);
            reportPath = HtmlReport.Write(RecordedRun.Read(Results.FullPath), request.Score, request.MinTrades);
        }
        catch (ResultsFolderException ex)
        {
            summaryError = ex.Message;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            summaryError = $"report.html could not be written to {Results.FullPath}: {ex.Message}. The results files are kept; finiex report {Results.FullPath} tries again.";
        }

        var completion = new BatchCompletion(batch, reportPath, summaryError, Results.WriteErrors);
        Stage = batch.Scenarios.Any(s => s.Status == ScenarioOutcomeStatus.Canceled) ? BatchStage.Canceled
            : batch.AllCompleted && completion.AllWritten ? BatchStage.Completed
            : BatchStage.Failed;
        return completion;
    }

    public void Dispose() => _results?.Dispose();

    /// <summary><c>&lt;set&gt;--&lt;yyyy-MM-dd_HH.mm.ss&gt;--&lt;6 hex&gt;</c>: readable, sortable by start, unique.</summary>
    public static string NewId(string setName, DateTimeOffset created) =>
        $"{SafeFolderName.For(setName, 0)}--{created.UtcDateTime.ToString("yyyy-MM-dd_HH.mm.ss", CultureInfo.InvariantCulture)}--{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    private T Guard<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (ResultsFolderException ex)
        {
            throw Fail(new BatchJobException(BatchJobError.ResultsFolder, ex.Message, ex));
        }
    }

    private BatchJobException Fail(BatchJobException error)
    {
        Stage = BatchStage.Failed;
        return error;
    }
}
