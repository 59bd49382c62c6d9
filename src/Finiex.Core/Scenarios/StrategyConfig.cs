using System.Collections.Immutable;

namespace Finiex.Core.Scenarios;

/// <summary>The workers (in configuration order) and the decision logic of a scenario.</summary>
public sealed record StrategyConfig(ImmutableArray<WorkerConfig> Workers, DecisionConfig Decision)
{
    public bool Equals(StrategyConfig? other) =>
        other is not null && Workers.SequenceEqual(other.Workers) && Decision.Equals(other.Decision);

    public override int GetHashCode() => HashCode.Combine(Workers.Length, Decision);
}
