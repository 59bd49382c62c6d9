namespace Finiex.Core.Scenarios;

/// <summary>The simulated trading account and its costs (SEMANTICS §6–7).</summary>
public sealed record AccountConfig
{
    public required double InitialBalance { get; init; }
    public required string Currency { get; init; }
    /// <summary>Absolute path of the broker export the symbol specifications come from.</summary>
    public required string BrokerFile { get; init; }
    public double CommissionPerLot { get; init; }
    public int LatencyMinTicks { get; init; } = 1;
    public int LatencyMaxTicks { get; init; } = 1;
    public ulong LatencySeed { get; init; } = 42;
    public bool ApplySwap { get; init; } = true;
    public double? StopLossPoints { get; init; }
    public double? TakeProfitPoints { get; init; }
}
