using Finiex.Orchestration.Service;

namespace Finiex.Orchestration.Registry;

/// <summary>A batch job as the run registry keeps it: what it runs, where it is, and where its results are.</summary>
public sealed record RunRecord
{
    public required string Id { get; init; }
    public required string SetName { get; init; }
    public required string SetFile { get; init; }
    public BatchStage Stage { get; init; } = BatchStage.Pending;
    public string StageLabel => Stage.Label();
    /// <summary>0–100.</summary>
    public double Progress { get; init; }
    public string Message { get; init; } = "";
    /// <summary>What went wrong, in words a person can act on; null unless the run failed.</summary>
    public string? Error { get; init; }
    public string? ResultsFolder { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFinished => Stage.IsFinal();
}
