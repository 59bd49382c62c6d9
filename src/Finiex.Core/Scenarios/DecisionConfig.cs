using System.Collections.Immutable;
using Finiex.Sdk.Catalog;

namespace Finiex.Core.Scenarios;

/// <summary>The decision of a strategy: its type, the worker bound to each input, and its parameters.</summary>
public sealed record DecisionConfig(string Type, ImmutableSortedDictionary<string, string> Inputs, ParameterSet Parameters)
{
    /// <summary>What the type declares for these parameters (from the catalog, so checks need no catalog).</summary>
    public TradingStyle Style { get; init; } = TradingStyle.Signals;

    public bool Hedges { get; init; }

    public ImmutableArray<BarNeed> Bars { get; init; } = [];

    public bool Equals(DecisionConfig? other) =>
        other is not null && Type == other.Type && Inputs.SequenceEqual(other.Inputs) && Parameters.Equals(other.Parameters);

    public override int GetHashCode() => HashCode.Combine(Type, Inputs.Count);
}
