using MessagePack;

namespace Finiex.Contracts.Packages;

/// <summary>The simulated account: money, costs, latency, and the broker's leverage.</summary>
[MessagePackObject]
public sealed record AccountSpec
{
    [Key(0)] public required double InitialBalance { get; init; }
    [Key(1)] public required string Currency { get; init; }
    [Key(2)] public required int Leverage { get; init; }
    [Key(3)] public double CommissionPerLot { get; init; }
    [Key(4)] public int LatencyMinTicks { get; init; } = 1;
    [Key(5)] public int LatencyMaxTicks { get; init; } = 1;
    [Key(6)] public ulong LatencySeed { get; init; } = 42;
    [Key(7)] public bool ApplySwap { get; init; } = true;
    [Key(8)] public double? StopLossPoints { get; init; }
    [Key(9)] public double? TakeProfitPoints { get; init; }
    /// <summary>The broker's stop-out rule (SEMANTICS §6); Off when its export gives no level.</summary>
    [Key(10)] public StopOutMode StopOutMode { get; init; }
    [Key(11)] public double StopOutLevel { get; init; }
}
