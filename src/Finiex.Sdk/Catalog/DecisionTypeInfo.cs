using System.Collections.Immutable;

namespace Finiex.Sdk.Catalog;

/// <summary>
/// Describes a decision type for configuration and validation (not the implementation): a decision logic of SEMANTICS §5,
/// which trades through the signal rules of §5–6, or a strategy that trades itself through the trading API of §10.
/// </summary>
public sealed record DecisionTypeInfo
{
    public required string TypeName { get; init; }
    public required string Description { get; init; }
    public required ImmutableArray<DecisionInput> Inputs { get; init; }
    public required ImmutableArray<ParameterSpec> Parameters { get; init; }

    /// <summary>How the type trades: through signals (§5–6) or its own requests (§10).</summary>
    public TradingStyle Style { get; init; } = TradingStyle.Signals;

    /// <summary>True when the strategy may hold long and short positions at once: a netting broker refuses it.</summary>
    public bool Hedges { get; init; }

    /// <summary>The bars the strategy reads itself (beyond its workers'), with their warmup, for its parameters.</summary>
    public Func<ParameterSet, ImmutableArray<BarNeed>> Bars { get; init; } = _ => [];
}

