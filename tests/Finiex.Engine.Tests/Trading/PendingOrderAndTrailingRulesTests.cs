using Finiex.Engine.Trading;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Tests.Trading;

/// <summary>The trigger, expiry and fill rules of pending orders and the trailing-stop rule of SEMANTICS §10, on hand-picked ticks.</summary>
public sealed class PendingOrderAndTrailingRulesTests
{
    private const double Point = 0.00001;

    [Theory]
    // buy limit at 1.10000 waits for the ask to come down to it
    [InlineData(PendingOrderType.BuyLimit, 1.09990, 1.10010, false)]
    [InlineData(PendingOrderType.BuyLimit, 1.09980, 1.10000, true)]
    [InlineData(PendingOrderType.BuyLimit, 1.09950, 1.09970, true)] // gapped through: fills at the better ask
    // sell limit at 1.10000 waits for the bid to come up to it
    [InlineData(PendingOrderType.SellLimit, 1.09990, 1.10010, false)]
    [InlineData(PendingOrderType.SellLimit, 1.10000, 1.10020, true)]
    // buy stop at 1.10000 waits for the ask to rise to it
    [InlineData(PendingOrderType.BuyStop, 1.09970, 1.09990, false)]
    [InlineData(PendingOrderType.BuyStop, 1.09980, 1.10000, true)]
    [InlineData(PendingOrderType.BuyStop, 1.10040, 1.10060, true)] // gapped through: fills at the worse ask (slippage)
    // sell stop at 1.10000 waits for the bid to fall to it
    [InlineData(PendingOrderType.SellStop, 1.10010, 1.10030, false)]
    [InlineData(PendingOrderType.SellStop, 1.10000, 1.10020, true)]
    public void A_pending_order_triggers_on_its_side_of_the_price(PendingOrderType type, double bid, double ask, bool triggers) =>
        Assert.Equal(triggers, PendingOrderRules.Triggers(type, 1.10000, bid, ask));

    [Fact]
    public void A_triggered_order_fills_at_the_ticks_own_price_not_its_order_price()
    {
        Assert.Equal(1.09970, PendingOrderRules.FillPrice(PendingOrderType.BuyLimit, 1.09950, 1.09970)); // improvement on a gap
        Assert.Equal(1.10060, PendingOrderRules.FillPrice(PendingOrderType.BuyStop, 1.10040, 1.10060)); // slippage on a gap
        Assert.Equal(1.10000, PendingOrderRules.FillPrice(PendingOrderType.SellLimit, 1.10000, 1.10020));
        Assert.Equal(1.09900, PendingOrderRules.FillPrice(PendingOrderType.SellStop, 1.09900, 1.09920));
    }

    [Fact]
    public void An_order_expires_at_a_tick_at_or_after_its_expiry_time()
    {
        Assert.False(PendingOrderRules.IsExpired(expiry: 1_000, tickTime: 999));
        Assert.True(PendingOrderRules.IsExpired(expiry: 1_000, tickTime: 1_000)); // the boundary: expired, cancelled before any trigger
        Assert.True(PendingOrderRules.IsExpired(expiry: 1_000, tickTime: 1_001));
        Assert.False(PendingOrderRules.IsExpired(PendingOrder.NoExpiry, long.MaxValue - 1));
    }

    [Fact]
    public void A_longs_trailing_stop_follows_the_bid_up_and_never_down()
    {
        var sl = double.NaN; // no SL yet: the first trail sets it
        sl = TrailingStopRule.Trail(TradeSide.Long, sl, bid: 1.10000, ask: 1.10020, distancePoints: 50, Point);
        Assert.Equal(1.09950, sl, 10);
        sl = TrailingStopRule.Trail(TradeSide.Long, sl, bid: 1.10030, ask: 1.10050, distancePoints: 50, Point);
        Assert.Equal(1.09980, sl, 10);
        Assert.Equal(1.09980, TrailingStopRule.Trail(TradeSide.Long, sl, bid: 1.10010, ask: 1.10030, distancePoints: 50, Point), 10); // the bid fell: SL stays
    }

    [Fact]
    public void A_shorts_trailing_stop_follows_the_ask_down_and_never_up()
    {
        var sl = TrailingStopRule.Trail(TradeSide.Short, 1.10200, bid: 1.10000, ask: 1.10020, distancePoints: 50, Point);
        Assert.Equal(1.10070, sl, 10); // 1.10020 + 50 points is below the SL of 1.10200: moved
        Assert.Equal(1.10070, TrailingStopRule.Trail(TradeSide.Short, sl, bid: 1.10040, ask: 1.10060, distancePoints: 50, Point), 10); // would rise to 1.10110: stays
        Assert.Equal(1.10040, TrailingStopRule.Trail(TradeSide.Short, sl, bid: 1.09970, ask: 1.09990, distancePoints: 50, Point), 10);
    }
}
