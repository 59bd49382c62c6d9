using Finiex.Engine.Trading;
using Finiex.Sdk.Trading;
using static Finiex.Engine.Tests.Trading.SimulatorHarness;

namespace Finiex.Engine.Tests.Trading;

public sealed class TradeSimulatorTests
{
    private static readonly long Wednesday = new DateTimeOffset(2014, 5, 7, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void A_market_order_fills_latency_ticks_later_buying_at_ask_and_closes_selling_at_bid()
    {
        var h = new SimulatorHarness(EurUsd(latencyMin: 2, latencyMax: 2));
        h.At(1000, 1.30000, 1.30010);
        Assert.True(h.Open(TradeSide.Long));
        h.At(2000, 1.30100, 1.30110);
        Assert.False(h.Simulator.HasPosition);
        h.At(3000, 1.30200, 1.30210); // index 0 + 2
        Assert.True(h.Simulator.HasPosition);
        Assert.Equal(10_000 + ((1.30200 - 1.30210) * 100_000 * 0.1), h.Simulator.Equity); // marked at bid
        h.Simulator.SubmitClose(h.Index);
        h.At(4000, 1.30300, 1.30310);
        h.At(5000, 1.30400, 1.30410);

        var trade = Assert.Single(h.Simulator.Trades);
        Assert.Equal(("long", 1.30210, 1.30400, 5000L, CloseReason.Signal), (trade.Side, trade.OpenPrice, trade.ClosePrice, trade.CloseTimeMs, trade.CloseReason));
        Assert.Equal((1.30400 - 1.30210) * 100_000 * 0.1, trade.Pnl);
        var stats = h.Simulator.Statistics();
        Assert.Equal((2L, 2L, 1L, 1L), (stats.OrdersSent, stats.OrdersFilled, stats.Trades, stats.WinningTrades));
        Assert.Equal(trade.Pnl, stats.NetProfit, 9);
    }

    [Fact]
    public void A_short_opens_at_bid_and_closes_at_ask()
    {
        var h = new SimulatorHarness(EurUsd());
        h.At(1000, 1.3, 1.3001);
        h.Open(TradeSide.Short);
        h.At(2000, 1.2990, 1.2991);
        h.Simulator.SubmitClose(h.Index);
        h.At(3000, 1.2980, 1.2981);

        var trade = Assert.Single(h.Simulator.Trades);
        Assert.Equal((1.2990, 1.2981), (trade.OpenPrice, trade.ClosePrice));
        Assert.Equal((1.2990 - 1.2981) * 100_000 * 0.1, trade.Pnl);
    }

    [Fact]
    public void Seeded_latency_draws_follow_splitmix64()
    {
        // Reference outputs of SplitMix64 (Vigna) for seed 1234567.
        var random = new SplitMix64(1234567);
        Assert.Equal(6457827717110365317UL, random.Next());
        Assert.Equal(3203168211198807973UL, random.Next());
        Assert.Equal(9817491932198370423UL, random.Next());

        var rules = EurUsd(latencyMin: 1, latencyMax: 4) with { LatencySeed = 1234567 };
        var h = new SimulatorHarness(rules);
        var expected = 1 + (int)(6457827717110365317UL % 4);
        h.At(0, 1.3, 1.3001);
        h.Open(TradeSide.Long);
        for (var t = 1; t <= 5 && !h.Simulator.HasPosition; t++)
        {
            h.At(t, 1.3, 1.3001);
        }

        Assert.Equal(expected, h.Index);
    }

    [Fact]
    public void Stop_loss_and_take_profit_close_long_positions_at_bid_from_the_tick_after_the_fill()
    {
        var h = new SimulatorHarness(EurUsd(stopLoss: 100, takeProfit: 200));
        h.At(0, 1.30000, 1.30010);
        h.Open(TradeSide.Long);
        h.At(1, 1.29900, 1.30010); // fill at ask 1.30010 → SL 1.29910, TP 1.30210; the fill tick is not checked
        Assert.True(h.Simulator.HasPosition);
        h.At(2, 1.29911, 1.29920);
        Assert.True(h.Simulator.HasPosition);
        h.At(3, 1.29910, 1.29920); // bid ≤ SL
        var trade = Assert.Single(h.Simulator.Trades);
        Assert.Equal((CloseReason.StopLoss, 1.29910), (trade.CloseReason, trade.ClosePrice));

        h.Open(TradeSide.Long);
        h.At(4, 1.30000, 1.30010);
        h.At(5, 1.30210, 1.30220); // bid ≥ TP (1.30010 + 0.00200)
        Assert.Equal((CloseReason.TakeProfit, 1.30210), (h.Simulator.Trades[1].CloseReason, h.Simulator.Trades[1].ClosePrice));
    }

    [Fact]
    public void Stop_loss_and_take_profit_close_short_positions_at_ask()
    {
        var h = new SimulatorHarness(EurUsd(stopLoss: 100, takeProfit: 200));
        h.At(0, 1.30000, 1.30010);
        h.Open(TradeSide.Short);
        h.At(1, 1.30000, 1.30010); // fill at bid 1.30000 → SL 1.30100, TP 1.29800
        h.At(2, 1.30095, 1.30100); // ask ≥ SL
        Assert.Equal((CloseReason.StopLoss, 1.30100), (h.Simulator.Trades[0].CloseReason, h.Simulator.Trades[0].ClosePrice));
        h.Open(TradeSide.Short);
        h.At(3, 1.30000, 1.30010);
        h.At(4, 1.29790, 1.29800); // ask ≤ TP
        Assert.Equal((CloseReason.TakeProfit, 1.29800), (h.Simulator.Trades[1].CloseReason, h.Simulator.Trades[1].ClosePrice));
    }

    [Fact]
    public void Stop_loss_wins_a_tie()
    {
        // Levels placed so one bid meets both conditions: SL above the open (−50 points), TP 30 points above it.
        var h = new SimulatorHarness(EurUsd(stopLoss: -50, takeProfit: 30));
        h.At(0, 1.30000, 1.30000);
        h.Open(TradeSide.Long);
        h.At(1, 1.30000, 1.30000);
        h.At(2, 1.30040, 1.30040); // ≤ SL 1.30050 and ≥ TP 1.30030
        Assert.Equal(CloseReason.StopLoss, Assert.Single(h.Simulator.Trades).CloseReason);
    }

    [Fact]
    public void Commission_is_charged_per_lot_on_both_sides()
    {
        var h = new SimulatorHarness(EurUsd(commission: 3.5));
        h.At(0, 1.3, 1.3);
        h.Open(TradeSide.Long, lots: 0.2);
        h.At(1, 1.3, 1.3);
        Assert.Equal(10_000 - 0.7, h.Simulator.Balance, 9);
        h.Simulator.SubmitClose(h.Index);
        h.At(2, 1.3, 1.3);

        var trade = Assert.Single(h.Simulator.Trades);
        Assert.Equal(1.4, trade.Commission, 9);
        Assert.Equal(-1.4, trade.Pnl, 9);
        Assert.Equal(1.4, h.Simulator.Statistics().Commissions, 9);
        Assert.Equal(10_000 - 1.4, h.Simulator.Balance, 9);
    }

    [Fact]
    public void Swap_is_charged_per_midnight_crossed_and_three_times_for_wednesday_night()
    {
        var h = new SimulatorHarness(EurUsd(swap: true));
        h.At(Wednesday - Day, 1.3, 1.3001); // Tuesday noon
        h.Open(TradeSide.Long);
        h.At(Wednesday - Day + 1, 1.3, 1.3001); // filled Tuesday
        h.At(Wednesday, 1.3, 1.3001); // Tue→Wed midnight: once
        var once = -7.85 * 0.00001 * 100_000 * 0.1;
        Assert.Equal(once, h.Simulator.Swaps, 12);
        h.At(Wednesday + Day, 1.3, 1.3001); // Wed→Thu midnight: three times
        Assert.Equal(once + (3 * once), h.Simulator.Swaps, 12);
        h.At(Wednesday + (3 * Day), 1.3, 1.3001); // Thu→Fri and Fri→Sat at one tick
        Assert.Equal(once + (3 * once) + (2 * once), h.Simulator.Swaps, 12);
        h.Simulator.Finish();

        var trade = Assert.Single(h.Simulator.Trades);
        Assert.Equal(6 * once, trade.Swap, 12);
        Assert.Equal(((1.3 - 1.3001) * 100_000 * 0.1) + (6 * once), trade.Pnl, 9);
    }

    [Fact]
    public void Swap_of_a_short_uses_swap_short()
    {
        var h = new SimulatorHarness(EurUsd(swap: true));
        h.At(Wednesday - Day, 1.3, 1.3001);
        h.Open(TradeSide.Short);
        h.At(Wednesday - Day + 1, 1.3, 1.3001);
        h.At(Wednesday, 1.3, 1.3001);
        Assert.Equal(3.8 * 0.00001 * 100_000 * 0.1, h.Simulator.Swaps, 12);
    }

    [Fact]
    public void An_order_whose_margin_does_not_fit_is_rejected_and_never_filled()
    {
        // 1 lot of EURUSD at 1.3 with 1:500 needs 260 USD of margin.
        var h = new SimulatorHarness(EurUsd(balance: 250));
        h.At(0, 1.3, 1.3);
        Assert.False(h.Open(TradeSide.Long, lots: 1));
        h.At(1, 1.3, 1.3);
        h.At(2, 1.3, 1.3);
        var stats = h.Simulator.Statistics();
        Assert.Equal((1L, 1L, 0L, 0L), (stats.OrdersSent, stats.OrdersRejected, stats.OrdersFilled, stats.Trades));
        Assert.True(h.Open(TradeSide.Long, lots: 0.9)); // 234 USD fits
    }

    [Fact]
    public void A_usd_account_trading_usdjpy_converts_pnl_at_the_closing_price()
    {
        var rules = EurUsd() with { Point = 0.001, SwapLong = 9.17, AccountIsBase = true };
        var h = new SimulatorHarness(rules);
        h.At(0, 151.900, 151.910);
        h.Open(TradeSide.Long);
        h.At(1, 151.900, 151.910);
        h.Simulator.SubmitClose(h.Index);
        h.At(2, 152.400, 152.410);

        var trade = Assert.Single(h.Simulator.Trades);
        Assert.Equal((152.400 - 151.910) * 100_000 * 0.1 / 152.400, trade.Pnl);
        // Margin in a base-currency account needs no rate: 0.1 lot × 100,000 / 500 = 20 USD.
        var poor = new SimulatorHarness(rules with { InitialBalance = 19.99 });
        poor.At(0, 151.9, 151.91);
        Assert.False(poor.Open(TradeSide.Long));
    }

    [Fact]
    public void End_of_data_closes_the_position_at_the_last_tick_and_cancels_pending_orders()
    {
        var h = new SimulatorHarness(EurUsd(latencyMin: 5, latencyMax: 5));
        h.At(0, 1.3, 1.3001);
        h.Open(TradeSide.Short);
        for (var t = 1; t <= 5; t++)
        {
            h.At(t, 1.2, 1.2001);
        }

        h.Simulator.SubmitClose(h.Index); // would fill at index 10: the data ends first
        h.At(6, 1.1, 1.1001);
        h.Simulator.Finish();

        var trade = Assert.Single(h.Simulator.Trades);
        Assert.Equal((CloseReason.EndOfData, 1.1001, 6L), (trade.CloseReason, trade.ClosePrice, trade.CloseTimeMs));
        Assert.Equal(1, h.Simulator.Statistics().OrdersCancelled);
    }

    [Fact]
    public void A_close_order_that_finds_the_position_already_stopped_out_is_cancelled()
    {
        var h = new SimulatorHarness(EurUsd(latencyMin: 3, latencyMax: 3, stopLoss: 10));
        h.At(0, 1.3, 1.3);
        h.Open(TradeSide.Long);
        h.At(1, 1.3, 1.3);
        h.At(2, 1.3, 1.3);
        h.At(3, 1.3, 1.3); // filled
        h.Simulator.SubmitClose(h.Index); // due at index 6
        h.At(4, 1.2999, 1.3); // SL at 1.2999
        h.At(5, 1.3, 1.3);
        h.At(6, 1.3, 1.3);
        var stats = h.Simulator.Statistics();
        Assert.Equal((1L, 1L, 2L, 1L), (stats.Trades, stats.OrdersCancelled, stats.OrdersSent, stats.OrdersFilled));
        Assert.Equal(CloseReason.StopLoss, h.Simulator.Trades[0].CloseReason);
    }

    [Fact]
    public void Max_drawdown_is_measured_on_equity_at_every_tick_from_the_running_peak()
    {
        var h = new SimulatorHarness(EurUsd());
        h.At(0, 1.3, 1.3);
        h.Open(TradeSide.Long, lots: 1);
        h.At(1, 1.3, 1.3);       // equity 10,000
        h.At(2, 1.301, 1.301);   // 10,100: new peak
        h.At(3, 1.2995, 1.2995); // 9,950: drawdown 150
        h.At(4, 1.302, 1.302);   // 10,200
        h.At(5, 1.3005, 1.3005); // 10,050: drawdown 150 from 10,200
        h.At(6, 1.3, 1.3);       // 10,000: drawdown 200
        var stats = h.Simulator.Statistics();
        Assert.Equal(200, stats.MaxDrawdown, 6);
        Assert.Equal(200 / 10_200.0 * 100, stats.MaxDrawdownPct, 6);
    }
}
