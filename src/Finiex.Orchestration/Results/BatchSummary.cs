using System.Text.Json.Serialization;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Orchestration.Execution;

namespace Finiex.Orchestration.Results;

/// <summary>
/// The content of summary.json: the batch, its totals, and every scenario's status, statistics, timings and profile.
/// While the batch runs it is rewritten as scenarios finish with <see cref="Complete"/> false and the scenarios not yet
/// finished as <c>pending</c>; the final one has <see cref="Complete"/> true.
/// </summary>
public sealed record BatchSummary
{
    public required string Set { get; init; }
    public required string SourceFile { get; init; }
    /// <summary>False while the batch runs (or when it was killed before it could finish).</summary>
    public required bool Complete { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public double WallMs { get; init; }
    public required string ExecutionMode { get; init; }
    public int Parallelism { get; init; }
    public double PreparationMs { get; init; }
    public IReadOnlyList<double> RunnerStartsMs { get; init; } = [];
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cluster { get; init; }
    public required BatchTotals Totals { get; init; }
    public required IReadOnlyList<ScenarioSummary> Scenarios { get; init; }

    /// <summary>The final summary of a finished batch; <paramref name="files"/> says where each scenario's files went.</summary>
    public static BatchSummary From(BatchResult batch, Func<int, ScenarioFiles?>? files = null) => new()
    {
        Set = batch.SetName,
        SourceFile = batch.SourceFile,
        Complete = true,
        StartedAt = batch.StartedAt,
        FinishedAt = batch.FinishedAt,
        WallMs = batch.WallMs,
        ExecutionMode = batch.ExecutionMode,
        Parallelism = batch.Parallelism,
        PreparationMs = batch.PreparationMs,
        RunnerStartsMs = batch.RunnerStartsMs,
        Cluster = batch.Cluster,
        Totals = BatchTotals.Of(batch.Scenarios, pending: 0),
        Scenarios = [.. batch.Scenarios.Select(s => ScenarioSummary.Of(s, files?.Invoke(s.Index)))],
    };

    /// <summary>A summary of a batch still running: the scenarios finished so far, the others pending.</summary>
    public static BatchSummary InProgress(BatchHeader header, IReadOnlyCollection<ScenarioOutcome> finished, IEnumerable<PlannedScenario> planned,
        Func<int, ScenarioFiles?> files)
    {
        var done = finished.ToDictionary(s => s.Index);
        var scenarios = planned.Select(p => done.TryGetValue(p.Index, out var outcome)
            ? ScenarioSummary.Of(outcome, files(p.Index))
            : new ScenarioSummary { Index = p.Index, Name = p.Name, Symbol = p.Symbol, Status = ScenarioOutcomeStatus.Pending, Files = files(p.Index) }).ToList();
        return new BatchSummary
        {
            Set = header.SetName,
            SourceFile = header.SourceFile,
            Complete = false,
            StartedAt = header.StartedAt,
            ExecutionMode = header.ExecutionMode,
            Parallelism = header.Parallelism,
            Totals = BatchTotals.Of(finished, pending: scenarios.Count - finished.Count),
            Scenarios = scenarios,
        };
    }
}

/// <summary>What a batch is before it has results: for the summary written while it runs.</summary>
public sealed record BatchHeader(string SetName, string SourceFile, DateTimeOffset StartedAt, string ExecutionMode, int Parallelism);

/// <summary>A scenario the batch will report on (every enabled scenario of the set, valid or not).</summary>
public sealed record PlannedScenario(int Index, string Name, string Symbol);

/// <summary>Where a scenario's files are, relative to the run folder, and why they could not be written, if so.</summary>
public sealed record ScenarioFiles(string Folder, string Log, string? WriteError);

public sealed record BatchTotals
{
    public int Scenarios { get; init; }
    public int Completed { get; init; }
    public int Failed { get; init; }
    public int Canceled { get; init; }
    public int TimedOut { get; init; }
    public int Invalid { get; init; }
    public int Pending { get; init; }
    public long TicksProcessed { get; init; }
    public long Trades { get; init; }
    /// <summary>Best, median and worst net profit of the completed scenarios: variants of a sweep are alternatives, not one portfolio to add up.</summary>
    public NetProfitSpread? NetProfit { get; init; }
    public double TickLoopMs { get; init; }

    public static BatchTotals Of(IReadOnlyCollection<ScenarioOutcome> outcomes, int pending)
    {
        var completed = outcomes.Where(s => s.Result.Success).ToList();
        return new BatchTotals
        {
            Scenarios = outcomes.Count + pending,
            Completed = completed.Count,
            Failed = outcomes.Count(s => s.Status == ScenarioOutcomeStatus.Failed),
            Canceled = outcomes.Count(s => s.Status == ScenarioOutcomeStatus.Canceled),
            TimedOut = outcomes.Count(s => s.Status == ScenarioOutcomeStatus.TimedOut),
            Invalid = outcomes.Count(s => s.Status == ScenarioOutcomeStatus.Invalid),
            Pending = pending,
            TicksProcessed = completed.Sum(s => s.Result.Statistics!.TicksProcessed),
            Trades = completed.Sum(s => s.Result.Statistics!.Trades),
            NetProfit = NetProfitSpread.Of(completed.Select(s => s.Result.Statistics!.NetProfit)),
            TickLoopMs = completed.Sum(s => s.Result.Timings.TickLoopMs),
        };
    }
}

/// <summary>
/// A scenario in summary.json, and (with <c>detailed</c>) its own result.json, which adds what a report or a resumed
/// run needs to stand in for the scenario without running it again: its grid values, equity curve, trades and log.
/// </summary>
/// <summary>The best, median (the mean of the middle two of an even count) and worst of some scenarios' net profits.</summary>
public sealed record NetProfitSpread(double Best, double Median, double Worst)
{
    public static NetProfitSpread? Of(IEnumerable<double> netProfits)
    {
        var sorted = netProfits.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return new NetProfitSpread(sorted[^1], sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, sorted[0]);
    }
}

public sealed record ScenarioSummary
{
    public int Index { get; init; }
    public required string Name { get; init; }
    public required string Symbol { get; init; }
    public required ScenarioOutcomeStatus Status { get; init; }
    /// <summary>The account currency of money amounts, and the symbol's price digits (for rounding what people read).</summary>
    public string? Currency { get; init; }
    public int? PriceDigits { get; init; }
    public ErrorInfo? Error { get; init; }
    public ScenarioFiles? Files { get; init; }
    /// <summary>The swept parameters' values of a grid variant (path → value), null for a plain scenario.</summary>
    public IReadOnlyDictionary<string, string>? GridValues { get; init; }
    public ScenarioStatistics? Statistics { get; init; }
    public ReportStatistics? ReportStatistics { get; init; }
    public RunTimings? Timings { get; init; }
    public ProfileReport? Profile { get; init; }
    public double SlotMs { get; init; }
    /// <summary>The plug-in assemblies the scenario ran with (path, assembly, version, SHA-256); absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<PluginReference>? Plugins { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public EquityCurve? EquityCurve { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<TradeRecord>? Trades { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<LogLine>? Log { get; init; }

    public static ScenarioSummary Of(ScenarioOutcome s, ScenarioFiles? files, bool detailed = false) => new()
    {
        Index = s.Index,
        Name = s.Name,
        Symbol = s.Result.Symbol,
        Status = s.Status,
        Currency = s.Config?.Account.Currency,
        PriceDigits = s.PriceDigits,
        Error = s.Result.Error,
        Files = files,
        GridValues = s.Config is { GridValues.Count: > 0 } config ? config.GridValues.ToDictionary(v => v.Key, v => v.Value) : null,
        Statistics = s.Result.Statistics,
        ReportStatistics = s.Result.ReportStatistics,
        Timings = s.Result.Timings,
        Profile = s.Result.Profile,
        SlotMs = s.SlotMs,
        Plugins = s.Result.Plugins.Count > 0 ? s.Result.Plugins : null,
        EquityCurve = detailed ? s.Result.EquityCurve : null,
        Trades = detailed ? s.Result.Trades : null,
        Log = detailed ? s.Result.Log : null,
    };

    /// <summary>The scenario's result as the run produced it, read back from its result.json (bar traces stay in their files).</summary>
    public ProcessResult ToResult() => new()
    {
        Success = Status == ScenarioOutcomeStatus.Completed,
        ScenarioIndex = Index,
        ScenarioName = Name,
        Symbol = Symbol,
        Timings = Timings ?? new RunTimings(),
        Statistics = Statistics,
        ReportStatistics = ReportStatistics,
        EquityCurve = EquityCurve,
        Trades = Trades ?? [],
        Profile = Profile,
        Log = Log ?? [],
        Error = Error,
    };
}
