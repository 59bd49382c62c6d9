namespace Finiex.Sdk.Trading;

/// <summary>The account behind a <see cref="TradingContext"/>: what a strategy reads and the requests it submits (SEMANTICS §10). The engine implements it.</summary>
internal interface ITradingDesk
{
    double Balance { get; }

    double Equity { get; }

    double Margin { get; }

    double FreeMargin { get; }

    /// <summary>The open positions, in open order: one list for the desk's whole life.</summary>
    IReadOnlyList<OpenPosition> Positions { get; }

    /// <summary>The placed pending orders, in placement order: one list for the desk's whole life.</summary>
    IReadOnlyList<PendingOrder> Orders { get; }

    RequestRejection OpenMarket(TradeSide side, double lots, StopLevel stopLoss, StopLevel takeProfit, double trailingPoints);

    RequestRejection PlacePending(PendingOrderType type, double lots, double price, StopLevel stopLoss, StopLevel takeProfit, double trailingPoints, long expiryMs);

    RequestRejection Close(long positionId, double? lots);

    RequestRejection ModifyPosition(long positionId, double? stopLoss, double? takeProfit, double? trailingPoints);

    RequestRejection ModifyOrder(long orderId, double? price, StopLevel? stopLoss, StopLevel? takeProfit, double? trailingPoints, long? expiryMs);

    RequestRejection Cancel(long orderId);
}
