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
    public int Parallelism { get; init; } = 1;
    /// <summary>Time spent preparing packages (warmup bars, tick ranges) before the first scenario started.</summary>
    public double PreparationMs { get; init; }
    /// <summary>Launch-to-handshake times of the runner processes started (processes mode).</summary>
    public IReadOnlyList<double> RunnerStartsMs { get; init; } = [];
    /// <summary>What each runner process used, sampled before it was shut down (processes mode).</summary>
    public IReadOnlyList<RunnerUsage> Runners { get; init; } = [];

    /// <summary>Where the runners ran when not on this machine (<c>slurm job 12 on node1, node2</c>).</summary>
    public string? Cluster { get; init; }

    public required IReadOnlyList<ScenarioOutcome> Scenarios { get; init; }

    public bool AllCompleted => Scenarios.All(s => s.Result.Success);
}
