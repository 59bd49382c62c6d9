using MessagePack;

namespace Finiex.Contracts.Packages;

/// <summary>The decision logic to build: its type, the worker bound to each input, and its parameters.</summary>
[MessagePackObject]
public sealed record DecisionSpec
{
    [Key(0)] public required string Type { get; init; }
    [Key(1)] public required IReadOnlyDictionary<string, string> Inputs { get; init; }
    [Key(2)] public required IReadOnlyDictionary<string, double> Numbers { get; init; }
    [Key(3)] public required IReadOnlyDictionary<string, string> Choices { get; init; }
}
