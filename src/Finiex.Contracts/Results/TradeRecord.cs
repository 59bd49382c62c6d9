using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>One closed position. Pnl is the net P&amp;L in account currency, commissions and swaps included.</summary>
[MessagePackObject]
public sealed record TradeRecord
{
    [Key(0)] public required int Id { get; init; }
    [Key(1)] public required string Side { get; init; }
    [Key(2)] public required double Lots { get; init; }
    [Key(3)] public required long OpenTimeMs { get; init; }
    [Key(4)] public required double OpenPrice { get; init; }
    [Key(5)] public required long CloseTimeMs { get; init; }
    [Key(6)] public required double ClosePrice { get; init; }
    [Key(7)] public required string CloseReason { get; init; }
    [Key(8)] public required double Commission { get; init; }
    [Key(9)] public required double Swap { get; init; }
    [Key(10)] public required double Pnl { get; init; }
}
