namespace Finiex.Core.Scenarios;

/// <summary>
/// One runnable scenario: a symbol, a UTC window [Start, End) and/or a tick limit, and the resolved strategy,
/// account and execution settings (defaults, overrides and grid values already merged).
/// </summary>
public sealed record ScenarioConfig
{
    public required string Name { get; init; }
    /// <summary>Position in the expanded set, 0-based.</summary>
    public required int Index { get; init; }
    /// <summary>Where the scenario is declared in the set file, as a JSON path (for messages).</summary>
    public required string JsonPath { get; init; }
    public required string Symbol { get; init; }
    public required long StartMs { get; init; }
    public long? EndMs { get; init; }
    public long? MaxTicks { get; init; }
    public bool AllowShortWarmup { get; init; }
    public required StrategyConfig Strategy { get; init; }
    public required AccountConfig Account { get; init; }
    public required ExecutionConfig Execution { get; init; }
    /// <summary>The grid values that produced this scenario, path → value text, empty when not from a grid.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> GridValues { get; init; } = [];
}
