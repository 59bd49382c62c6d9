using MessagePack;

namespace Finiex.Contracts.Packages;

/// <summary>The broker's specification of the scenario's symbol.</summary>
[MessagePackObject]
public sealed record SymbolContract
{
    [Key(0)] public required string Name { get; init; }
    [Key(1)] public required string BaseCurrency { get; init; }
    [Key(2)] public required string QuoteCurrency { get; init; }
    [Key(3)] public required double ContractSize { get; init; }
    [Key(4)] public required int Digits { get; init; }
    [Key(5)] public required double Point { get; init; }
    [Key(6)] public required double VolumeMin { get; init; }
    [Key(7)] public required double VolumeMax { get; init; }
    [Key(8)] public required double VolumeStep { get; init; }
    [Key(9)] public double SwapLong { get; init; }
    [Key(10)] public double SwapShort { get; init; }
    [Key(11)] public int SwapRollover3Days { get; init; } = 3;
    /// <summary>In points: how near a pending price, SL or TP may be to its reference (SEMANTICS §10).</summary>
    [Key(12)] public int StopsLevel { get; init; }
}
