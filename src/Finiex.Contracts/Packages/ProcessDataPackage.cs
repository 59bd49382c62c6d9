using MessagePack;

namespace Finiex.Contracts.Packages;

/// <summary>
/// Everything a runner needs to run one scenario, immutable and self-contained: configuration, symbol spec,
/// warmup bars, and a reference to the scenario's tick range in the store (or the ticks inline).
/// </summary>
[MessagePackObject]
public sealed record ProcessDataPackage
{
    public const int CurrentVersion = 1;

    [Key(0)] public int Version { get; init; } = CurrentVersion;
    [Key(1)] public required int ScenarioIndex { get; init; }
    [Key(2)] public required string ScenarioName { get; init; }
    [Key(3)] public required string SetName { get; init; }
    [Key(4)] public required string Symbol { get; init; }
    [Key(5)] public required long StartMs { get; init; }
    [Key(6)] public long? EndMs { get; init; }
    [Key(7)] public long? MaxTicks { get; init; }
    [Key(8)] public required IReadOnlyList<WorkerSpec> Workers { get; init; }
    [Key(9)] public required DecisionSpec Decision { get; init; }
    [Key(10)] public required AccountSpec Account { get; init; }
    [Key(11)] public required SymbolContract SymbolSpec { get; init; }
    [Key(12)] public required IReadOnlyList<BarColumns> WarmupBars { get; init; }
    [Key(13)] public required TickSource Ticks { get; init; }
    [Key(14)] public RunOptions Options { get; init; } = new();
    /// <summary>The plug-in assemblies the scenario set names, loaded into the scenario's own load contexts before it is built.</summary>
    [Key(15)] public IReadOnlyList<PluginReference> Plugins { get; init; } = [];
}
