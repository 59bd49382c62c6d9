using Finiex.Contracts.Results;

namespace Finiex.Engine.Trading;

/// <summary>A closed trade's record for both simulators: its net P&amp;L is the price P&amp;L less both commissions plus its swaps (SEMANTICS §8).</summary>
internal static class ClosedTrade
{
    public static TradeRecord Record(int id, bool isLong, double lots, long openTimeMs, double openPrice, long closeTimeMs, double closePrice, string reason,
        double openCommission, double closeCommission, double swap, double pricePnl) => new()
    {
        Id = id,
        Side = isLong ? "long" : "short",
        Lots = lots,
        OpenTimeMs = openTimeMs,
        OpenPrice = openPrice,
        CloseTimeMs = closeTimeMs,
        ClosePrice = closePrice,
        CloseReason = reason,
        Commission = openCommission + closeCommission,
        Swap = swap,
        Pnl = pricePnl - openCommission - closeCommission + swap,
    };
}
