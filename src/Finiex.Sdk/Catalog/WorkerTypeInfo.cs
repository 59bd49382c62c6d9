using System.Collections.Immutable;

namespace Finiex.Sdk.Catalog;

/// <summary>Describes a worker type for configuration and validation (not the implementation).</summary>
public sealed record WorkerTypeInfo
{
    public required string TypeName { get; init; }
    public required string Description { get; init; }
    public required WorkerOutput Output { get; init; }
    public required ImmutableArray<ParameterSpec> Parameters { get; init; }
    /// <summary>The number of closed bars the worker needs before a scenario starts, from its resolved parameters (SEMANTICS §3).</summary>
    public required Func<ParameterSet, int> DefaultWarmupBars { get; init; }
    /// <summary>
    /// How many closes (warmup and closed bars plus the forming bar's) the worker needs before it has a value (SEMANTICS §4);
    /// null when unknown. Validation warns when warmup_bars leaves a worker without a value at the start.
    /// </summary>
    public Func<ParameterSet, int>? ClosesToBeReady { get; init; }
}
