using Finiex.Sdk.Trading;

namespace Finiex.Engine.Tests.Trading.Api;

/// <summary>Pending orders of SEMANTICS §10 through the simulator: placement after latency, the four triggers and their fill on a gap, expiry, SL/TP from the fill.</summary>
public sealed class PendingOrderTests
{
    [Theory]
    // type, order price, the triggering tick (bid, ask) gapping through the price, expected fill
    [InlineData(PendingOrderType.BuyLimit, 1.09900, 1.09850, 1.09860, 1.09860)] // ask ≤ price: fills at the better ask
    [InlineData(PendingOrderType.SellLimit, 1.10100, 1.10150, 1.10160, 1.10150)] // bid ≥ price: at the better bid
    [InlineData(PendingOrderType.BuyStop, 1.10100, 1.10150, 1.10160, 1.10160)] // ask ≥ price: at the worse ask (slippage)
    [InlineData(PendingOrderType.SellStop, 1.09900, 1.09850, 1.09860, 1.09850)] // bid ≤ price: at the worse bid
    public void Each_order_type_triggers_on_its_side_and_fills_at_the_ticks_own_price(PendingOrderType type, double price, double bid, double ask, double fill)
    {
        var h = new ApiHarness();
        h.At(1_000, 1.10000, 1.10010);
        Assert.Equal(RequestRejection.None, h.Simulator.PlacePending(type, 0.1, price, takeProfit: StopLevel.Points(100)));
        Assert.Empty(h.Simulator.Orders); // in flight: not visible yet
        h.At(2_000, 1.10000, 1.10010); // placed (latency 1)
        Assert.Single(h.Simulator.Orders);
        h.At(3_000, 1.10000, 1.10010); // nothing triggers at the old prices
        Assert.Empty(h.Simulator.Positions);

        h.At(4_000, bid, ask);
        var position = Assert.Single(h.Simulator.Positions);
        Assert.Empty(h.Simulator.Orders);
        Assert.Equal(fill, position.OpenPrice);
        Assert.Equal(type.Side(), position.Side);
        var expectedTp = type.Side() == TradeSide.Long ? fill + (100 * ApiHarness.Point) : fill - (100 * ApiHarness.Point);
        Assert.Equal(expectedTp, position.TakeProfit); // a distance is measured from the fill price, not the order price
        var s = h.Finish();
        Assert.Equal((1L, 1L, 0L, 0L), (s.OrdersSent, s.OrdersFilled, s.OrdersRejected, s.OrdersCancelled));
    }

    [Fact]
    public void An_order_does_not_trigger_at_the_tick_it_is_placed_at()
    {
        var h = new ApiHarness();
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.PlacePending(PendingOrderType.BuyStop, 0.1, 1.10020);
        h.At(2_000, 1.10030, 1.10040); // placed now, though the ask is already above: triggers apply from the next tick
        Assert.Empty(h.Simulator.Positions);
        h.At(3_000, 1.10030, 1.10040);
        Assert.Equal(1.10040, Assert.Single(h.Simulator.Positions).OpenPrice);
    }

    [Fact]
    public void An_order_expires_at_the_first_tick_at_or_after_its_expiry_even_if_it_would_trigger_there()
    {
        var h = new ApiHarness();
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.PlacePending(PendingOrderType.BuyLimit, 0.1, 1.09950, expiryMs: 5_000);
        h.At(2_000, 1.10000, 1.10010);
        h.At(4_999, 1.10000, 1.10010); // one ms before: still there
        Assert.Single(h.Simulator.Orders);
        h.At(5_000, 1.09900, 1.09910); // expiry ≤ tick time: cancelled first, although the ask is below the limit
        Assert.Empty(h.Simulator.Orders);
        Assert.Empty(h.Simulator.Positions);
        var s = h.Finish();
        Assert.Equal((1L, 0L, 1L), (s.OrdersSent, s.OrdersFilled, s.OrdersCancelled));
    }

    [Fact]
    public void Orders_trigger_in_placement_order_and_one_that_does_not_fit_the_margin_at_the_fill_is_rejected()
    {
        // Balance 500 at leverage 500: 0.1 lot at 1.1 needs about 22, 3 lots about 660.
        var h = new ApiHarness(ApiHarness.Rules(balance: 500));
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.PlacePending(PendingOrderType.SellLimit, 0.1, 1.10050);
        h.Simulator.PlacePending(PendingOrderType.BuyStop, 3, 1.10050); // does not fit next to the first
        h.At(2_000, 1.10000, 1.10010);
        h.At(3_000, 1.10060, 1.10070); // both trigger: the first fills, the second is rejected at its fill
        var position = Assert.Single(h.Simulator.Positions);
        Assert.Equal((TradeSide.Short, 1.10060), (position.Side, position.OpenPrice));
        Assert.Equal(0.1 * 100_000 * ((1.10060 + 1.10070) / 2) / 500, position.Margin); // fixed at the fill tick's mid
        Assert.Empty(h.Simulator.Orders);
        var s = h.Finish();
        Assert.Equal((2L, 1L, 1L, 0L), (s.OrdersSent, s.OrdersFilled, s.OrdersRejected, s.OrdersCancelled));
    }

    [Fact]
    public void Pending_orders_left_at_the_end_of_the_data_and_orders_in_flight_are_cancelled()
    {
        var h = new ApiHarness(ApiHarness.Rules(latencyMin: 5, latencyMax: 5));
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.PlacePending(PendingOrderType.BuyLimit, 0.1, 1.09000);
        for (var t = 2; t <= 7; t++)
        {
            h.At(t * 1_000, 1.10000, 1.10010);
        }

        Assert.Single(h.Simulator.Orders);
        h.Simulator.OpenMarket(TradeSide.Long, 0.1); // still in flight at the end
        h.Simulator.Cancel(h.Simulator.Orders[0].Id); // not an order: not counted when left in flight
        var s = h.Finish();
        Assert.Equal((2L, 0L, 2L, 0L), (s.OrdersSent, s.OrdersFilled, s.OrdersCancelled, s.RequestsDropped));
        Assert.Empty(h.Simulator.Trades);
    }

    [Fact]
    public void A_modified_order_triggers_at_its_new_price_and_expires_at_its_new_time()
    {
        var h = new ApiHarness();
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.PlacePending(PendingOrderType.BuyLimit, 0.1, 1.09900, stopLoss: StopLevel.Points(100), expiryMs: 3_000);
        h.At(2_000, 1.10000, 1.10010);
        var order = Assert.Single(h.Simulator.Orders);
        Assert.Equal(RequestRejection.None, h.Simulator.ModifyOrder(order.Id, price: 1.09950, takeProfit: StopLevel.AtPrice(1.10100), expiryMs: 10_000));
        Assert.Equal(1.09900, order.Price); // in flight: the order is as it was
        h.At(2_500, 1.10000, 1.10010);
        Assert.Equal((1.09950, 10_000L), (order.Price, order.ExpiryMs));
        Assert.Equal(StopLevel.Points(100), order.StopLoss); // not asked to change
        h.At(5_000, 1.09940, 1.09945); // past the old expiry; at the new price
        var position = Assert.Single(h.Simulator.Positions);
        Assert.Equal((1.09945, 1.09945 - 0.001, 1.10100), (position.OpenPrice, position.StopLoss, position.TakeProfit));
        var s = h.Finish();
        Assert.Equal((1L, 1L, 0L, 0L), (s.OrdersSent, s.OrdersFilled, s.OrdersCancelled, s.RequestsRejected));
    }
}
