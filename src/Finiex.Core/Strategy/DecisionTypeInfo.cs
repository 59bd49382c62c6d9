using System.Collections.Immutable;

namespace Finiex.Core.Strategy;

/// <summary>Describes a decision logic type for configuration and validation (not the implementation).</summary>
public sealed record DecisionTypeInfo
{
    public required string TypeName { get; init; }
    public required string Description { get; init; }
    public required ImmutableArray<DecisionInput> Inputs { get; init; }
    public required ImmutableArray<ParameterSpec> Parameters { get; init; }
}
