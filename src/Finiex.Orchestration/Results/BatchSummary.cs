using Finiex.Contracts.Results;
using Finiex.Orchestration.Execution;

namespace Finiex.Orchestration.Results;

/// <summary>The content of summary.json: the batch, its totals, and every scenario's status, statistics, timings and profile.</summary>
public sealed record BatchSummary
{
    public required string Set { get; init; }
    public required string SourceFile { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public required double WallMs { get; init; }
    public required string ExecutionMode { get; init; }
    public int Parallelism { get; init; }
    public double PreparationMs { get; init; }
    public IReadOnlyList<double> RunnerStartsMs { get; init; } = [];
    public required BatchTotals Totals { get; init; }
    public required IReadOnlyList<ScenarioSummary> Scenarios { get; init; }

    public static BatchSummary From(BatchResult batch)
    {
        var completed = batch.Scenarios.Where(s => s.Result.Success).ToList();
        return new BatchSummary
        {
            Set = batch.SetName,
            SourceFile = batch.SourceFile,
            StartedAt = batch.StartedAt,
            FinishedAt = batch.FinishedAt,
            WallMs = batch.WallMs,
            ExecutionMode = batch.ExecutionMode,
            Parallelism = batch.Parallelism,
            PreparationMs = batch.PreparationMs,
            RunnerStartsMs = batch.RunnerStartsMs,
            Totals = new BatchTotals
            {
                Scenarios = batch.Scenarios.Count,
                Completed = completed.Count,
                Failed = batch.Scenarios.Count - completed.Count,
                TicksProcessed = completed.Sum(s => s.Result.Statistics!.TicksProcessed),
                Trades = completed.Sum(s => s.Result.Statistics!.Trades),
                NetProfit = completed.Sum(s => s.Result.Statistics!.NetProfit),
                TickLoopMs = completed.Sum(s => s.Result.Timings.TickLoopMs),
            },
            Scenarios = [.. batch.Scenarios.Select(s => new ScenarioSummary
            {
                Index = s.Index,
                Name = s.Name,
                Symbol = s.Result.Symbol,
                Status = s.Status,
                Error = s.Result.Error,
                Statistics = s.Result.Statistics,
                Timings = s.Result.Timings,
                Profile = s.Result.Profile,
            })],
        };
    }
}

public sealed record BatchTotals
{
    public int Scenarios { get; init; }
    public int Completed { get; init; }
    public int Failed { get; init; }
    public long TicksProcessed { get; init; }
    public long Trades { get; init; }
    public double NetProfit { get; init; }
    public double TickLoopMs { get; init; }
}

public sealed record ScenarioSummary
{
    public int Index { get; init; }
    public required string Name { get; init; }
    public required string Symbol { get; init; }
    public required ScenarioOutcomeStatus Status { get; init; }
    public ErrorInfo? Error { get; init; }
    public ScenarioStatistics? Statistics { get; init; }
    public RunTimings? Timings { get; init; }
    public ProfileReport? Profile { get; init; }
}
