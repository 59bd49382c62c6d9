using System.Collections.Immutable;

namespace Finiex.Core.Scenarios;

/// <summary>A named batch of scenarios loaded from one file; disabled scenarios are kept apart.</summary>
public sealed record ScenarioSet
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required string SourceFile { get; init; }
    public required ImmutableArray<ScenarioConfig> Scenarios { get; init; }
    public ImmutableArray<string> DisabledScenarios { get; init; } = [];
}
