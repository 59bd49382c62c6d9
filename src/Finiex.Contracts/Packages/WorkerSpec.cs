using MessagePack;

namespace Finiex.Contracts.Packages;

/// <summary>One worker to build: its name, registered type, timeframe, parameters and warmup bar count.</summary>
[MessagePackObject]
public sealed record WorkerSpec
{
    [Key(0)] public required string Name { get; init; }
    [Key(1)] public required string Type { get; init; }
    [Key(2)] public required string Timeframe { get; init; }
    [Key(3)] public required IReadOnlyDictionary<string, double> Numbers { get; init; }
    [Key(4)] public required IReadOnlyDictionary<string, string> Choices { get; init; }
    [Key(5)] public required int WarmupBars { get; init; }
}
