namespace Finiex.Orchestration.Execution;

/// <summary>How to run a batch.</summary>
public sealed record BatchOptions
{
    public bool Profiling { get; init; } = true;
    public bool TraceBars { get; init; }
}
