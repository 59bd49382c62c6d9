using Finiex.Core.Symbols;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Trading;

/// <summary>
/// The checks of SEMANTICS §10 a trading request passes at submission, one rule each; a request that fails one is
/// rejected and draws no latency. References: the tick's ask for a buy and its bid for a sell (a market open, a pending
/// price), the order's price for a pending order's SL/TP, the tick's bid for a long and its ask for a short being
/// modified. Prices are compared in points, to 1e-7 of a point, so a price exactly stops_level points from its reference
/// passes whatever the binary rounding of its decimal digits.
/// </summary>
public static class RequestChecks
{
    private const double PointTolerance = 1e-7;

    /// <summary>Lots of an open or a placement: on the volume grid.</summary>
    public static RequestRejection OpenVolume(double lots, in RequestLimits limits) =>
        VolumeGrid.Contains(lots, limits.VolumeMin, limits.VolumeMax, limits.VolumeStep) ? RequestRejection.None : RequestRejection.VolumeOffGrid;

    /// <summary>Lots of a close: a positive multiple of the step, not above what the position has.</summary>
    public static RequestRejection CloseVolume(double lots, double positionLots, in RequestLimits limits) =>
        lots > 0 && VolumeGrid.IsMultiple(lots, limits.VolumeStep) && lots <= positionLots + 1e-12 ? RequestRejection.None : RequestRejection.CloseVolumeInvalid;

    /// <summary>The reference price of an order of this side: the ask for a buy, the bid for a sell.</summary>
    public static double OrderReference(TradeSide side, double bid, double ask) => side == TradeSide.Long ? ask : bid;

    /// <summary>The reference price of an open position: the bid for a long, the ask for a short (the price it would close at).</summary>
    public static double PositionReference(TradeSide side, double bid, double ask) => side == TradeSide.Long ? bid : ask;

    /// <summary>
    /// A pending order's price: buy limit and sell stop at least stops_level points below their reference (and strictly
    /// below), buy stop and sell limit at least stops_level points above (and strictly above).
    /// </summary>
    public static RequestRejection PendingPrice(PendingOrderType type, double price, double bid, double ask, in RequestLimits limits) =>
        SideAndDistance(below: type.IsBelowReference(), price, OrderReference(type.Side(), bid, ask), limits, RequestRejection.PriceOnWrongSide, RequestRejection.PriceTooClose);

    /// <summary>
    /// SL and TP given as prices for a trade of <paramref name="side"/>: the SL on the losing side of the reference and the
    /// TP on the winning side, each at least stops_level points away; null means not given (a modify checks only what it changes).
    /// </summary>
    public static RequestRejection Protection(TradeSide side, double reference, double? stopLoss, double? takeProfit, in RequestLimits limits)
    {
        var isLong = side == TradeSide.Long;
        if (stopLoss is { } sl && SideAndDistance(below: isLong, sl, reference, limits, RequestRejection.StopLossOnWrongSide, RequestRejection.StopLossTooClose) is var slCheck
            && slCheck != RequestRejection.None)
        {
            return slCheck;
        }

        return takeProfit is { } tp ? SideAndDistance(below: !isLong, tp, reference, limits, RequestRejection.TakeProfitOnWrongSide, RequestRejection.TakeProfitTooClose)
            : RequestRejection.None;
    }

    /// <summary>SL, TP and trailing distances in points: each given one positive and at least stops_level.</summary>
    public static RequestRejection Distances(double? stopLossPoints, double? takeProfitPoints, double? trailingPoints, in RequestLimits limits)
    {
        foreach (var distance in (ReadOnlySpan<double?>)[stopLossPoints, takeProfitPoints, trailingPoints])
        {
            if (distance is { } points && !(points > 0 && points >= limits.StopsLevel - PointTolerance))
            {
                return RequestRejection.DistanceTooSmall;
            }
        }

        return RequestRejection.None;
    }

    /// <summary>Whether <paramref name="price"/> lies strictly on its side of <paramref name="reference"/> and at least stops_level points from it.</summary>
    private static RequestRejection SideAndDistance(bool below, double price, double reference, in RequestLimits limits, RequestRejection wrongSide, RequestRejection tooClose)
    {
        var points = (below ? reference - price : price - reference) / limits.Point; // how far on the right side, in points
        return points <= PointTolerance ? wrongSide
            : points < limits.StopsLevel - PointTolerance ? tooClose
            : RequestRejection.None;
    }
}
