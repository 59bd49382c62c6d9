namespace Finiex.Sdk.Trading;

/// <summary>A placed pending order of the trading API (SEMANTICS §10), as a strategy sees it at step 4.</summary>
public sealed class PendingOrder
{
    internal PendingOrder(long id, PendingOrderType type, double lots, int placedIndex)
    {
        Id = id;
        Type = type;
        Lots = lots;
        PlacedIndex = placedIndex;
    }

    /// <summary>Expiry time meaning none.</summary>
    public const long NoExpiry = long.MaxValue;

    public long Id { get; }

    public PendingOrderType Type { get; }

    public TradeSide Side => Type.Side();

    public double Lots { get; }

    public double Price { get; internal set; }

    public StopLevel StopLoss { get; internal set; }

    public StopLevel TakeProfit { get; internal set; }

    public double TrailingPoints { get; internal set; }

    /// <summary>Cancelled at the first tick at or after this time; <see cref="NoExpiry"/> when none.</summary>
    public long ExpiryMs { get; internal set; } = NoExpiry;

    /// <summary>The tick it was placed at: expiry and triggers apply from the next tick on.</summary>
    internal int PlacedIndex { get; }
}
