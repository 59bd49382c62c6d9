using System.Collections.Immutable;
using Finiex.Core.Strategy;

namespace Finiex.Core.Scenarios;

/// <summary>The decision logic of a strategy: its type, the worker bound to each input, and its parameters.</summary>
public sealed record DecisionConfig(string Type, ImmutableSortedDictionary<string, string> Inputs, ParameterSet Parameters)
{
    public bool Equals(DecisionConfig? other) =>
        other is not null && Type == other.Type && Inputs.SequenceEqual(other.Inputs) && Parameters.Equals(other.Parameters);

    public override int GetHashCode() => HashCode.Combine(Type, Inputs.Count);
}
