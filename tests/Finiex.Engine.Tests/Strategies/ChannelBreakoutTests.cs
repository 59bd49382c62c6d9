using Finiex.Engine.Strategies;
using Finiex.Engine.Tests.Trading.Api;
using Finiex.Engine.Trading;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Time;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Tests.Strategies;

/// <summary><c>channel_breakout</c> (SEMANTICS §10) step by step on hand-built M1 ticks, driven as the strategy loop drives it.</summary>
public sealed class ChannelBreakoutTests
{
    private const long Minute = 60_000;

    private sealed class Driver
    {
        private readonly BarSeries _bars = new(Timeframe.M1);
        private readonly TradingContext _context;
        private readonly ChannelBreakout _strategy;

        public Driver(ChannelSettings settings, int latency = 1)
        {
            Account = new TradingApiSimulator(ApiHarness.Rules(latencyMin: latency, latencyMax: latency, stopsLevel: 5));
            _context = new TradingContext(Account, [_bars], ApiHarness.Point);
            _strategy = new ChannelBreakout(settings);
        }

        public TradingApiSimulator Account { get; }

        public int Index { get; private set; } = -1;

        /// <summary>Steps 1–5 of one tick with a spread of one point around <paramref name="mid"/>.</summary>
        public Driver At(long time, double mid)
        {
            Index++;
            var (bid, ask) = (mid - (0.5 * ApiHarness.Point), mid + (0.5 * ApiHarness.Point));
            Account.OnTick(Index, time, bid, ask);
            _context.SetClosed(0, _bars.OnTick(time, mid));
            _context.SetTick(Index, time, bid, ask);
            _strategy.OnTick(_context);
            return this;
        }
    }

    private static ChannelSettings Settings(ChannelMode mode = ChannelMode.Breakout, int lookback = 2, double offset = 10, int expiryBars = 1) =>
        new(Timeframe.M1, lookback, mode, 0.1, offset, StopLossPoints: 0, TakeProfitPoints: 0, TrailingPoints: 0, expiryBars);

    [Fact]
    public void After_n_closed_bars_it_places_a_buy_stop_above_and_a_sell_stop_below_the_channel_expiring_with_the_bar()
    {
        var d = new Driver(Settings());
        d.At(0, 1.10000).At(30_000, 1.10100); // bar 0: high 1.10100, low 1.10000 (the first tick closes none)
        d.At(Minute, 1.09950).At(Minute + 30_000, 1.10020); // closes bar 0 (one bar: not enough); bar 1: 1.09950 .. 1.10020
        Assert.Equal(0, d.Account.RequestsInFlight);
        d.At(2 * Minute, 1.10000); // closes bar 1: channel 1.09950 .. 1.10100 over the last two bars
        Assert.Equal(2, d.Account.RequestsInFlight);
        d.At((2 * Minute) + 1_000, 1.10000); // placed
        Assert.Equal([(PendingOrderType.BuyStop, 1.10100 + 0.0001), (PendingOrderType.SellStop, 1.09950 - 0.0001)],
            d.Account.Orders.Select(o => (o.Type, o.Price)));
        Assert.All(d.Account.Orders, o => Assert.Equal(3 * Minute, o.ExpiryMs)); // the bucket's start + 1 bar
    }

    [Fact]
    public void Fade_mode_places_the_buy_limit_below_first_then_the_sell_limit_above()
    {
        var d = new Driver(Settings(ChannelMode.Fade, lookback: 1, offset: 0));
        d.At(0, 1.10000).At(30_000, 1.10100).At(Minute, 1.10050).At(Minute + 1_000, 1.10050);
        Assert.Equal([(PendingOrderType.BuyLimit, 1.10000), (PendingOrderType.SellLimit, 1.10100)], d.Account.Orders.Select(o => (o.Type, o.Price)));
    }

    [Fact]
    public void One_rejected_at_submission_does_not_stop_the_other()
    {
        // The mid ends at the channel's top: the buy stop at the high is not above the ask by the stops level (5 points).
        var d = new Driver(Settings(lookback: 1, offset: 0));
        d.At(0, 1.10000).At(30_000, 1.10100).At(Minute, 1.10100).At(Minute + 1_000, 1.10100);
        var order = Assert.Single(d.Account.Orders);
        Assert.Equal(PendingOrderType.SellStop, order.Type);
        Assert.Equal(1, d.Account.OrdersRejected);
    }

    [Fact]
    public void A_fill_cancels_the_other_order_and_at_the_next_bar_close_with_a_position_it_places_nothing()
    {
        var d = new Driver(Settings(lookback: 1, offset: 0, expiryBars: 5));
        d.At(0, 1.10000).At(30_000, 1.10100).At(Minute, 1.10050).At(Minute + 1_000, 1.10050); // orders at 1.10100 and 1.10000
        d.At(Minute + 2_000, 1.10120); // the buy stop fills (ask ≥ 1.10100); the strategy asks to cancel the sell stop
        Assert.Single(d.Account.Positions);
        Assert.Equal(1, d.Account.RequestsInFlight);
        d.At(Minute + 3_000, 1.10120); // the cancel lands
        Assert.Empty(d.Account.Orders);
        d.At(2 * Minute, 1.10130); // a bar closes with the position open: nothing placed
        Assert.Equal(0, d.Account.RequestsInFlight);
        var s = d.Account.Statistics();
        Assert.Equal((2L, 1L, 1L), (s.OrdersSent, s.OrdersFilled, s.OrdersCancelled));
    }

    [Fact]
    public void At_a_bar_close_without_a_position_it_cancels_the_old_orders_before_placing_new_ones()
    {
        var d = new Driver(Settings(lookback: 1, offset: 0, expiryBars: 5), latency: 1);
        d.At(0, 1.10000).At(30_000, 1.10100).At(Minute, 1.10050).At(Minute + 1_000, 1.10050);
        var first = d.Account.Orders.Select(o => o.Id).ToArray();
        d.At(Minute + 20_000, 1.10090).At(Minute + 40_000, 1.10010); // inside the old orders' prices
        d.At(2 * Minute, 1.10060); // closes bar 1 (1.10010 .. 1.10090): cancel both, place two new ones
        Assert.Equal(4, d.Account.RequestsInFlight);
        d.At((2 * Minute) + 1_000, 1.10060);
        Assert.DoesNotContain(d.Account.Orders, o => first.Contains(o.Id));
        Assert.Equal([(PendingOrderType.BuyStop, 1.10090), (PendingOrderType.SellStop, 1.10010)], d.Account.Orders.Select(o => (o.Type, o.Price)));
        Assert.Equal(2, d.Account.OrdersCancelled);
    }
}
