using Finiex.Orchestration.Registry;

namespace Finiex.Server.Runs;

/// <summary>A change of one run, numbered in the server's sequence of run changes (the <c>/ws</c> feed).</summary>
public sealed record RunChange(long Sequence, RunChangeKind Kind, RunRecord Run);

public enum RunChangeKind
{
    Updated,
    Removed,
}
