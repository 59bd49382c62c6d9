using MessagePack;

namespace Finiex.Contracts.Packages;

/// <summary>Closed bars of one timeframe as columns, oldest first (warmup bars in a package).</summary>
[MessagePackObject]
public sealed record BarColumns
{
    [Key(0)] public required string Timeframe { get; init; }
    [Key(1)] public required long[] Starts { get; init; }
    [Key(2)] public required double[] Open { get; init; }
    [Key(3)] public required double[] High { get; init; }
    [Key(4)] public required double[] Low { get; init; }
    [Key(5)] public required double[] Close { get; init; }
    [Key(6)] public required int[] TickCounts { get; init; }

    [IgnoreMember]
    public int Count => Starts.Length;
}
