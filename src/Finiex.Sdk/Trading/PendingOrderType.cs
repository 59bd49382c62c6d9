namespace Finiex.Sdk.Trading;

/// <summary>The four pending orders of SEMANTICS §10: a limit waits for a better price, a stop for a worse one.</summary>
public enum PendingOrderType
{
    BuyLimit,
    SellLimit,
    BuyStop,
    SellStop,
}

public static class PendingOrderTypes
{
    public static TradeSide Side(this PendingOrderType type) => type is PendingOrderType.BuyLimit or PendingOrderType.BuyStop ? TradeSide.Long : TradeSide.Short;

    /// <summary>Whether the order's price lies below its reference (buy limit, sell stop) rather than above (buy stop, sell limit).</summary>
    public static bool IsBelowReference(this PendingOrderType type) => type is PendingOrderType.BuyLimit or PendingOrderType.SellStop;
}
