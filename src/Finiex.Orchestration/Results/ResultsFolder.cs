using System.Globalization;
using System.Text.Json;
using Finiex.Data.Store;
using Finiex.Orchestration.Execution;
using Finiex.Scenarios.Validation;

namespace Finiex.Orchestration.Results;

/// <summary>
/// A batch's results folder, <c>&lt;out&gt;/&lt;set&gt;/&lt;yyyy-MM-dd_HH.mm.ss&gt;/</c>, written as the batch goes: created and
/// proven writable before anything runs (summary.json with every scenario pending, config.json); each scenario's files
/// (scenarios/&lt;folder&gt;/result.json, trades.csv, bars_&lt;TF&gt;.csv, scenarios/&lt;folder&gt;.log) the moment it
/// finishes; summary.json rewritten at most once a second while scenarios finish (<c>complete: false</c>) and once more
/// at the end (<c>complete: true</c>). Every file is written atomically (temp file + rename). A scenario whose files
/// cannot be written is reported in the summary and the batch goes on.
/// </summary>
public sealed class ResultsFolder : IScenarioOutcomeSink, IDisposable
{
    private static readonly TimeSpan SummaryEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Lock _summaryWrite = new();
    private readonly BatchHeader _header;
    private readonly IReadOnlyList<PlannedScenario> _planned;
    private readonly Dictionary<int, ScenarioFiles> _files = [];
    private readonly List<ScenarioOutcome> _finished = [];
    private readonly Timer _flush;
    private readonly RunLock _lock;
    private bool _summaryDirty;
    private bool _complete;

    private ResultsFolder(string path, BatchHeader header, IReadOnlyList<PlannedScenario> planned)
    {
        FullPath = path;
        _header = header;
        _planned = planned;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var scenario in planned)
        {
            var folder = SafeFolderName.For(scenario.Name, scenario.Index);
            if (!used.Add(folder))
            {
                folder = SafeFolderName.For($"{folder}~{scenario.Index}", scenario.Index);
                used.Add(folder);
            }

            _files[scenario.Index] = new ScenarioFiles($"scenarios/{folder}", $"scenarios/{folder}.log", WriteError: null);
        }

        _lock = RunLock.Acquire(path);
        _flush = new Timer(_ => FlushSummary(), null, SummaryEvery, SummaryEvery);
    }

    public string FullPath { get; }

    /// <summary>Scenarios whose files could not be written, with the reason.</summary>
    public IReadOnlyList<(string Scenario, string Error)> WriteErrors
    {
        get
        {
            lock (_gate)
            {
                return [.. _planned.Where(p => _files[p.Index].WriteError is not null).Select(p => (p.Name, _files[p.Index].WriteError!))];
            }
        }
    }

    /// <summary>
    /// Creates the run folder and writes summary.json (all pending) and config.json, so an unwritable <paramref name="outRoot"/>
    /// is found before any scenario runs.
    /// </summary>
    /// <exception cref="ResultsFolderException">The folder cannot be created or written.</exception>
    public static ResultsFolder Create(string outRoot, ScenarioSetReport report, BatchHeader header)
    {
        var planned = Planned(report);
        string path;
        try
        {
            path = CreateRunFolder(Path.Combine(outRoot, SafeFolderName.For(header.SetName, 0)), header.StartedAt);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ResultsFolderException(CannotWrite(Path.GetFullPath(outRoot), ex), ex);
        }

        var folder = new ResultsFolder(path, header, planned);
        try
        {
            AtomicFile.WriteAllText(Path.Combine(path, ConfigFile), JsonSerializer.Serialize(new RunConfig(header.SetName, Path.GetFullPath(header.SourceFile),
                report.SourceSha256, [.. report.Scenarios.Where(s => s.Enabled).Select(s => s.Config)]), ResultsJson.Options));
            folder.WriteSummary(folder.InProgress());
            return folder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            folder.Dispose();
            throw new ResultsFolderException(CannotWrite(path, ex), ex);
        }
    }

    /// <summary>
    /// Reopens the folder of an interrupted run (<c>finiex run --resume</c>): the scenarios it completed are kept as
    /// they are (their files stay), the summary is rewritten with the rest pending, and the run goes on into it.
    /// </summary>
    /// <exception cref="ResultsFolderException">The folder cannot be written.</exception>
    public static ResultsFolder Reopen(RecordedRun run, ScenarioSetReport report, BatchHeader header, IEnumerable<ScenarioOutcome> kept)
    {
        var planned = Planned(report);
        var folder = new ResultsFolder(run.Folder, header, planned);
        folder._finished.AddRange(kept);
        try
        {
            folder.WriteSummary(folder.InProgress());
            return folder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            folder.Dispose();
            throw new ResultsFolderException(CannotWrite(run.Folder, ex), ex);
        }
    }

    public const string ConfigFile = "config.json";

    /// <summary>Writes the scenario's files now; a failure is kept for the summary, never thrown.</summary>
    public void Record(ScenarioOutcome outcome)
    {
        ScenarioFiles files;
        lock (_gate)
        {
            _finished.Add(outcome);
            files = _files[outcome.Index]; // every outcome is of an enabled scenario of the set: planned at creation
        }

        try
        {
            var folder = Path.Combine(FullPath, files.Folder);
            AtomicFile.WriteAllText(Path.Combine(folder, "result.json"), JsonSerializer.Serialize(ScenarioSummary.Of(outcome, files, detailed: true), ResultsJson.Options));
            AtomicFile.WriteAllText(Path.Combine(folder, "trades.csv"), ResultFiles.TradesCsv(outcome.Result.Trades));
            foreach (var trace in outcome.Result.BarTraces)
            {
                AtomicFile.WriteAllText(Path.Combine(folder, $"bars_{trace.Timeframe}.csv"), ResultFiles.TraceCsv(trace));
            }

            AtomicFile.WriteAllText(Path.Combine(FullPath, files.Log), ResultFiles.LogText(outcome.Result));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                _files[outcome.Index] = files with { WriteError = ex.Message };
            }
        }

        lock (_gate)
        {
            _summaryDirty = true;
        }
    }

    /// <summary>Writes the final summary.json (complete: true).</summary>
    /// <exception cref="ResultsFolderException">summary.json cannot be written; the scenarios' own files are kept.</exception>
    public void Complete(BatchResult batch)
    {
        lock (_gate)
        {
            _complete = true;
        }

        _flush.Dispose();
        try
        {
            WriteSummary(Final(batch));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ResultsFolderException(
                $"summary.json could not be written to {FullPath}: {ex.Message}. The scenarios' own files written before (result.json, trades.csv, logs) are kept.", ex);
        }
    }

    /// <summary>The final summary of the batch, as <see cref="Complete"/> writes it (a resumed run keeps its first start).</summary>
    public BatchSummary Final(BatchResult batch) => BatchSummary.From(batch, FilesOf) with { StartedAt = _header.StartedAt };

    /// <summary>The summary as it would be written now (the final one comes from <see cref="Complete"/>).</summary>
    public BatchSummary InProgress()
    {
        lock (_gate)
        {
            return BatchSummary.InProgress(_header, [.. _finished], _planned, FilesOf);
        }
    }

    public ScenarioFiles? FilesOf(int index)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(index);
        }
    }

    public void Dispose()
    {
        _flush.Dispose();
        _lock.Dispose();
    }

    private void FlushSummary()
    {
        lock (_gate)
        {
            if (!_summaryDirty || _complete)
            {
                return;
            }

            _summaryDirty = false;
        }

        try
        {
            WriteSummary(InProgress());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                _summaryDirty = true; // tried again at the next tick; the final write reports a lasting failure
            }
        }
    }

    private void WriteSummary(BatchSummary summary)
    {
        lock (_summaryWrite) // one writer at a time: the timer's and the final write never interleave
        {
            AtomicFile.WriteAllText(Path.Combine(FullPath, "summary.json"), JsonSerializer.Serialize(summary, ResultsJson.Options));
        }
    }

    /// <summary>Every enabled scenario of the set, valid or not: the summary reports on each.</summary>
    private static List<PlannedScenario> Planned(ScenarioSetReport report) =>
        [.. report.Scenarios.Where(s => s.Enabled).Select(s => new PlannedScenario(s.Index, s.Name, s.Config?.Symbol ?? ""))];

    private static string CannotWrite(string path, Exception ex) =>
        $"Cannot write results to {path}: {ex.Message}. Choose a writable folder with --out DIR (e.g. --out {Path.Combine(Path.GetTempPath(), "finiex-results")}).";

    private static string CreateRunFolder(string setFolder, DateTimeOffset started)
    {
        var name = started.UtcDateTime.ToString("yyyy-MM-dd_HH.mm.ss", CultureInfo.InvariantCulture);
        var folder = Path.Combine(setFolder, name);
        for (var n = 2; Directory.Exists(folder); n++)
        {
            folder = Path.Combine(setFolder, $"{name}_{n}");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
