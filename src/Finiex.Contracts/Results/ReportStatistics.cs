using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>
/// The report statistics of SEMANTICS §8b, derived from the trades and the daily equity, under the same names. Each is
/// null where §8b says so (a zero denominator, no such trade, fewer than two daily returns); losses are positive amounts.
/// </summary>
[MessagePackObject]
public sealed record ReportStatistics
{
    [Key(0)] public long BreakEvenTrades { get; init; }
    [Key(1)] public double? ExpectedPayoff { get; init; }
    [Key(2)] public double? AverageWin { get; init; }
    [Key(3)] public double? AverageLoss { get; init; }
    [Key(4)] public double? LargestWin { get; init; }
    [Key(5)] public double? LargestLoss { get; init; }
    [Key(6)] public long? MaxConsecutiveWins { get; init; }
    [Key(7)] public double? MaxConsecutiveWinsMoney { get; init; }
    [Key(8)] public long? MaxConsecutiveLosses { get; init; }
    [Key(9)] public double? MaxConsecutiveLossesMoney { get; init; }
    [Key(10)] public double? AverageHoldingMs { get; init; }
    [Key(11)] public double? RecoveryFactor { get; init; }
    [Key(12)] public double? Sharpe { get; init; }
    [Key(13)] public double? Sortino { get; init; }
    /// <summary>Per calendar month (UTC) with ticks, keyed <c>YYYY-MM</c>, in order.</summary>
    [Key(14)] public IReadOnlyList<MonthlyReturn> MonthlyReturns { get; init; } = [];
}
