using Finiex.Orchestration.Registry;

namespace Finiex.Server.Runs;

/// <summary>A change of one run, numbered in the server's sequence of run changes (the <c>/ws</c> feed).</summary>
public sealed record RunChange(long Sequence, RunChangeKind Kind, RunRecord Run);

public enum RunChangeKind
{
    /// <summary>A new run: the whole record.</summary>
    Added,
    /// <summary>A run's stage, progress or message changed.</summary>
    Updated,
    Removed,
}
