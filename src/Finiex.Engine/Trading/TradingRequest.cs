using Finiex.Sdk.Trading;

namespace Finiex.Engine.Trading;

/// <summary>What a trading-API request asks for (SEMANTICS §10).</summary>
internal enum RequestKind
{
    OpenMarket,
    PlacePending,
    Close,
    ModifyPosition,
    ModifyOrder,
    Cancel,
}

/// <summary>
/// A request in flight, as one flat value (no allocation per request). For modifies, NaN prices and distances,
/// <see cref="StopLevelKind.None"/> levels and a <see cref="long.MinValue"/> expiry mean "leave as it is".
/// </summary>
internal readonly record struct TradingRequest(RequestKind Kind, long TargetId, TradeSide Side, PendingOrderType OrderType, double Lots, double Price,
    StopLevel StopLoss, StopLevel TakeProfit, double TrailingPoints, long ExpiryMs, double Margin)
{
    public const long KeepExpiry = long.MinValue;

    /// <summary>Requests that are orders (counted in orders_sent and cancelled at the end of data); modifies and cancels are not.</summary>
    public bool IsOrder => Kind is RequestKind.OpenMarket or RequestKind.PlacePending or RequestKind.Close;
}
