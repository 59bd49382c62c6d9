using MessagePack;

namespace Finiex.Contracts.Packages;

/// <summary>How to run: profiling, bar traces, live update interval.</summary>
[MessagePackObject]
public sealed record RunOptions
{
    [Key(0)] public bool Profiling { get; init; } = true;
    [Key(1)] public bool TraceBars { get; init; }
    [Key(2)] public double UpdateIntervalSeconds { get; init; } = 0.3;
}
