using Finiex.Engine.Trading;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Tests.Trading;

/// <summary>
/// The submission checks of SEMANTICS §10, rule by rule, on a EURUSD-like symbol (lots 0.01..100 in steps of 0.01,
/// point 0.00001, stops level 10 points) at a tick with bid 1.10000 and ask 1.10020.
/// </summary>
public sealed class RequestChecksTests
{
    private const double Bid = 1.10000;
    private const double Ask = 1.10020;
    private static readonly RequestLimits Limits = new(VolumeMin: 0.01, VolumeMax: 100, VolumeStep: 0.01, Point: 0.00001, StopsLevel: 10);

    [Theory]
    [InlineData(0.01, RequestRejection.None)]
    [InlineData(0.1, RequestRejection.None)]
    [InlineData(0.3, RequestRejection.None)] // 0.3 / 0.01 is 29.999999999999996 in binary: still on the grid
    [InlineData(100, RequestRejection.None)]
    [InlineData(0.005, RequestRejection.VolumeOffGrid)]
    [InlineData(0.015, RequestRejection.VolumeOffGrid)]
    [InlineData(100.01, RequestRejection.VolumeOffGrid)]
    [InlineData(0, RequestRejection.VolumeOffGrid)]
    public void Opens_and_placements_need_lots_on_the_volume_grid(double lots, RequestRejection expected) =>
        Assert.Equal(expected, RequestChecks.OpenVolume(lots, Limits));

    [Theory]
    [InlineData(0.03, 0.1, RequestRejection.None)]
    [InlineData(0.1, 0.1, RequestRejection.None)]
    [InlineData(0.11, 0.1, RequestRejection.CloseVolumeInvalid)] // more than the position has
    [InlineData(0.025, 0.1, RequestRejection.CloseVolumeInvalid)] // off the step
    [InlineData(0, 0.1, RequestRejection.CloseVolumeInvalid)]
    [InlineData(-0.01, 0.1, RequestRejection.CloseVolumeInvalid)]
    public void A_close_is_a_positive_multiple_of_the_step_not_above_the_positions_lots(double lots, double positionLots, RequestRejection expected) =>
        Assert.Equal(expected, RequestChecks.CloseVolume(lots, positionLots, Limits));

    [Theory]
    // buy limit: below the ask by at least 10 points
    [InlineData(PendingOrderType.BuyLimit, 1.10010, RequestRejection.None)]
    [InlineData(PendingOrderType.BuyLimit, 1.10011, RequestRejection.PriceTooClose)]
    [InlineData(PendingOrderType.BuyLimit, 1.10020, RequestRejection.PriceOnWrongSide)]
    [InlineData(PendingOrderType.BuyLimit, 1.10030, RequestRejection.PriceOnWrongSide)]
    // buy stop: above the ask by at least 10 points
    [InlineData(PendingOrderType.BuyStop, 1.10030, RequestRejection.None)]
    [InlineData(PendingOrderType.BuyStop, 1.10029, RequestRejection.PriceTooClose)]
    [InlineData(PendingOrderType.BuyStop, 1.10010, RequestRejection.PriceOnWrongSide)]
    // sell limit: above the bid by at least 10 points (a price between bid and ask is above the bid)
    [InlineData(PendingOrderType.SellLimit, 1.10010, RequestRejection.None)]
    [InlineData(PendingOrderType.SellLimit, 1.10009, RequestRejection.PriceTooClose)]
    [InlineData(PendingOrderType.SellLimit, 1.10000, RequestRejection.PriceOnWrongSide)]
    // sell stop: below the bid by at least 10 points
    [InlineData(PendingOrderType.SellStop, 1.09990, RequestRejection.None)]
    [InlineData(PendingOrderType.SellStop, 1.09991, RequestRejection.PriceTooClose)]
    [InlineData(PendingOrderType.SellStop, 1.10005, RequestRejection.PriceOnWrongSide)]
    public void A_pending_price_lies_on_its_side_of_the_ask_for_buys_and_the_bid_for_sells(PendingOrderType type, double price, RequestRejection expected) =>
        Assert.Equal(expected, RequestChecks.PendingPrice(type, price, Bid, Ask, Limits));

    [Fact]
    public void With_stops_level_zero_a_pending_price_only_has_to_be_strictly_on_its_side()
    {
        var noStops = Limits with { StopsLevel = 0 };
        Assert.Equal(RequestRejection.None, RequestChecks.PendingPrice(PendingOrderType.BuyLimit, 1.10019, Bid, Ask, noStops));
        Assert.Equal(RequestRejection.PriceOnWrongSide, RequestChecks.PendingPrice(PendingOrderType.BuyLimit, 1.10020, Bid, Ask, noStops));
    }

    [Theory]
    // a market buy: reference the ask; SL below, TP above, each at least 10 points away
    [InlineData(TradeSide.Long, 1.10010, 1.10030, RequestRejection.None)]
    [InlineData(TradeSide.Long, 1.10011, 1.10030, RequestRejection.StopLossTooClose)]
    [InlineData(TradeSide.Long, 1.10025, 1.10030, RequestRejection.StopLossOnWrongSide)]
    [InlineData(TradeSide.Long, 1.10010, 1.10029, RequestRejection.TakeProfitTooClose)]
    [InlineData(TradeSide.Long, 1.10010, 1.10000, RequestRejection.TakeProfitOnWrongSide)]
    // a market sell: reference the bid; SL above, TP below
    [InlineData(TradeSide.Short, 1.10010, 1.09990, RequestRejection.None)]
    [InlineData(TradeSide.Short, 1.09995, 1.09990, RequestRejection.StopLossOnWrongSide)]
    [InlineData(TradeSide.Short, 1.10010, 1.09991, RequestRejection.TakeProfitTooClose)]
    public void SL_and_TP_as_prices_lie_on_the_losing_and_winning_side_of_the_reference(TradeSide side, double stopLoss, double takeProfit, RequestRejection expected) =>
        Assert.Equal(expected, RequestChecks.Protection(side, RequestChecks.OrderReference(side, Bid, Ask), stopLoss, takeProfit, Limits));

    [Fact]
    public void The_reference_is_the_order_price_for_a_pending_order_and_the_closing_price_for_a_position()
    {
        // A buy limit at 1.09000: its SL is checked against 1.09000, not the tick.
        Assert.Equal(RequestRejection.None, RequestChecks.Protection(TradeSide.Long, 1.09000, 1.08990, null, Limits));
        Assert.Equal(RequestRejection.StopLossTooClose, RequestChecks.Protection(TradeSide.Long, 1.09000, 1.08991, null, Limits));
        // A long being modified closes at the bid: an SL 10 points under the bid passes, one under the ask but near the bid does not.
        var reference = RequestChecks.PositionReference(TradeSide.Long, Bid, Ask);
        Assert.Equal(Bid, reference);
        Assert.Equal(RequestRejection.None, RequestChecks.Protection(TradeSide.Long, reference, 1.09990, null, Limits));
        Assert.Equal(RequestRejection.StopLossTooClose, RequestChecks.Protection(TradeSide.Long, reference, 1.09995, null, Limits));
        // A modify checks only what it changes.
        Assert.Equal(RequestRejection.None, RequestChecks.Protection(TradeSide.Short, RequestChecks.PositionReference(TradeSide.Short, Bid, Ask), null, null, Limits));
    }

    [Theory]
    [InlineData(null, null, null, RequestRejection.None)]
    [InlineData(10.0, 20.0, 15.0, RequestRejection.None)]
    [InlineData(9.0, null, null, RequestRejection.DistanceTooSmall)]
    [InlineData(null, 9.99, null, RequestRejection.DistanceTooSmall)]
    [InlineData(null, null, 5.0, RequestRejection.DistanceTooSmall)]
    [InlineData(0.0, null, null, RequestRejection.DistanceTooSmall)]
    public void Distances_in_points_are_at_least_the_stops_level(double? stopLoss, double? takeProfit, double? trailing, RequestRejection expected) =>
        Assert.Equal(expected, RequestChecks.Distances(stopLoss, takeProfit, trailing, Limits));
}
