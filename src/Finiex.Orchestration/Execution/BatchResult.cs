namespace Finiex.Orchestration.Execution;

/// <summary>A finished batch: every scenario's outcome in set order, and the batch's wall-clock times.</summary>
public sealed record BatchResult
{
    public required string SetName { get; init; }
    public required string SourceFile { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public required double WallMs { get; init; }
    public required string ExecutionMode { get; init; }
    public required IReadOnlyList<ScenarioOutcome> Scenarios { get; init; }

    public bool AllCompleted => Scenarios.All(s => s.Result.Success);
}
