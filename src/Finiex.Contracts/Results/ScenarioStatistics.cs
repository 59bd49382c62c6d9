using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>The statistics of SEMANTICS §8, under the same names.</summary>
[MessagePackObject]
public sealed record ScenarioStatistics
{
    [Key(0)] public long TicksProcessed { get; init; }
    [Key(1)] public long OrdersSent { get; init; }
    [Key(2)] public long OrdersFilled { get; init; }
    [Key(3)] public long OrdersRejected { get; init; }
    [Key(4)] public long OrdersCancelled { get; init; }
    [Key(5)] public long Trades { get; init; }
    [Key(6)] public long LongTrades { get; init; }
    [Key(7)] public long ShortTrades { get; init; }
    [Key(8)] public long WinningTrades { get; init; }
    [Key(9)] public long LosingTrades { get; init; }
    [Key(10)] public double GrossProfit { get; init; }
    [Key(11)] public double GrossLoss { get; init; }
    [Key(12)] public double NetProfit { get; init; }
    [Key(13)] public double? ProfitFactor { get; init; }
    [Key(14)] public double? WinRate { get; init; }
    [Key(15)] public double MaxDrawdown { get; init; }
    [Key(16)] public double MaxDrawdownPct { get; init; }
    [Key(17)] public double FinalBalance { get; init; }
    [Key(18)] public double FinalEquity { get; init; }
    [Key(19)] public double Commissions { get; init; }
    [Key(20)] public double Swaps { get; init; }
    /// <summary>Positions closed by the broker's stop-out (SEMANTICS §6).</summary>
    [Key(21)] public long StopOuts { get; init; }
    /// <summary>Trading-API requests dropped when due because their target was gone (SEMANTICS §10).</summary>
    [Key(22)] public long RequestsDropped { get; init; }
    /// <summary>Trading-API modifies and cancels rejected at submission (SEMANTICS §10).</summary>
    [Key(23)] public long RequestsRejected { get; init; }
}
