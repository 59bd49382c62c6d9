using Finiex.Engine.Trading;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Tests.Trading.Api;

/// <summary>Positions of SEMANTICS §10: trailing stops, partial closes, several positions, stop-out order, swaps midnight by midnight.</summary>
public sealed class PositionTests
{
    private const long Day = 86_400_000;

    [Fact]
    public void A_trailing_stop_follows_the_bid_only_upwards_and_closes_with_its_own_reason()
    {
        var h = new ApiHarness();
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.OpenMarket(TradeSide.Long, 0.1, trailingPoints: 100);
        h.At(2_000, 1.10000, 1.10010); // filled at 1.10010: no trailing at the fill tick
        Assert.True(double.IsNaN(h.Position().StopLoss));
        h.At(3_000, 1.10020, 1.10030); // bid − 100 points = 1.09920: the first SL
        Assert.Equal(1.10020 - (100 * ApiHarness.Point), h.Position().StopLoss);
        h.At(4_000, 1.10100, 1.10110);
        Assert.Equal(1.10100 - (100 * ApiHarness.Point), h.Position().StopLoss);
        h.At(5_000, 1.10050, 1.10060); // the bid falls: the SL stays
        Assert.Equal(1.10100 - (100 * ApiHarness.Point), h.Position().StopLoss);
        h.At(6_000, 1.09990, 1.10000); // bid ≤ 1.10000: hit
        var trade = Assert.Single(h.Simulator.Trades);
        Assert.Equal((CloseReason.TrailingStop, 1.09990), (trade.CloseReason, trade.ClosePrice));
    }

    [Fact]
    public void A_short_trails_with_the_ask_and_a_modified_stop_closes_as_a_stop_loss()
    {
        var h = new ApiHarness();
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.OpenMarket(TradeSide.Short, 0.1, stopLoss: StopLevel.Points(300), trailingPoints: 100);
        h.At(2_000, 1.10000, 1.10010); // sold at 1.10000, SL 1.10300
        h.At(3_000, 1.09800, 1.09810); // ask + 100 points = 1.09910 < 1.10300: trails down
        var position = h.Position();
        Assert.Equal(1.09810 + (100 * ApiHarness.Point), position.StopLoss);
        Assert.Equal(RequestRejection.None, h.Simulator.ModifyPosition(position.Id, stopLoss: 1.09950));
        h.At(4_000, 1.09850, 1.09860); // the modify lands (and the trail, 1.09960, does not move it): set by a request now
        Assert.Equal(1.09950, position.StopLoss);
        h.At(5_000, 1.09950, 1.09960); // ask ≥ SL
        Assert.Equal(CloseReason.StopLoss, Assert.Single(h.Simulator.Trades).CloseReason);
    }

    [Fact]
    public void A_partial_close_makes_a_trade_of_its_lots_with_shares_of_commission_swap_and_margin()
    {
        var h = new ApiHarness(ApiHarness.Rules(commission: 7, swap: true));
        h.At(Day - 1_000, 1.10000, 1.10010);
        h.Simulator.OpenMarket(TradeSide.Long, 0.3);
        h.At(Day - 500, 1.10000, 1.10010);
        var position = h.Position();
        var margin = position.Margin;
        h.At(Day + 1_000, 1.10100, 1.10110); // one midnight (Thursday → Friday, 1 Jan 1970 is a Thursday): swap −7.85 points on 0.3 lots
        var swap = -7.85 * ApiHarness.Point * 100_000 * 0.3;
        Assert.Equal(swap, h.Simulator.Swaps, 12);
        h.Simulator.Close(position.Id, 0.1);
        h.At(Day + 2_000, 1.10200, 1.10210); // closes 0.1 at the bid 1.10200

        var trade = Assert.Single(h.Simulator.Trades);
        var share = 0.1 / 0.3;
        Assert.Equal(0.1, trade.Lots);
        Assert.Equal((0.3 * 7 * share) + (0.1 * 7), trade.Commission, 12);
        Assert.Equal(swap * share, trade.Swap, 12);
        Assert.Equal(((1.10200 - 1.10010) * 100_000 * 0.1) - trade.Commission + trade.Swap, trade.Pnl, 9);
        Assert.Equal(0.3 - 0.1, position.Lots);
        Assert.Equal(margin - (margin * share), position.Margin);

        h.Simulator.Close(position.Id);
        h.At(Day + 3_000, 1.10200, 1.10210);
        var rest = h.Trade(1);
        Assert.Equal(0.3 * 7 - (0.3 * 7 * share) + (0.2 * 7), rest.Commission, 12);
        Assert.Equal(h.Simulator.Swaps, trade.Swap + rest.Swap, 12);
        Assert.Equal(10_000 + trade.Pnl + rest.Pnl, h.Simulator.Balance, 9);
    }

    [Fact]
    public void One_cancels_other_under_latency_can_leave_two_positions_open_each_its_own_trade()
    {
        var h = new ApiHarness(ApiHarness.Rules(latencyMin: 3, latencyMax: 3));
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.PlacePending(PendingOrderType.BuyStop, 0.1, 1.10050);
        h.Simulator.PlacePending(PendingOrderType.SellStop, 0.1, 1.09950);
        for (var t = 2; t <= 4; t++)
        {
            h.At(t * 1_000, 1.10000, 1.10010);
        }

        Assert.Equal(2, h.Simulator.Orders.Count);
        h.At(5_000, 1.10060, 1.10070); // the buy stop fills; the strategy asks to cancel the other...
        Assert.Single(h.Simulator.Positions);
        h.Simulator.Cancel(h.Simulator.Orders[0].Id);
        h.At(6_000, 1.09900, 1.09910); // ... which fills before the cancel arrives
        Assert.Equal(2, h.Simulator.Positions.Count);
        h.At(7_000, 1.09900, 1.09910);
        h.At(8_000, 1.09950, 1.09960); // the cancel arrives: dropped
        var s = h.Finish();
        Assert.Equal((2L, 1L), (s.Trades, s.RequestsDropped));
        Assert.Equal([("long", 1.10070, 1.09950), ("short", 1.09900, 1.09960)],
            h.Simulator.Trades.Select(t => (t.Side, t.OpenPrice, t.ClosePrice)));
        Assert.All(h.Simulator.Trades, t => Assert.Equal(CloseReason.EndOfData, t.CloseReason));
    }

    [Fact]
    public void Stop_out_closes_the_largest_loss_first_then_marks_again_until_the_condition_clears()
    {
        // Percent mode at 50 %: two longs of 0.5 lots (margin 110 each at 1.1) and a short of 0.1 (22): 242 in all.
        var rules = ApiHarness.Rules(balance: 1_000) with { StopOutMode = Finiex.Contracts.Packages.StopOutMode.Percent, StopOutLevel = 50 };
        var h = new ApiHarness(rules);
        h.At(1_000, 1.10000, 1.10000);
        h.Simulator.OpenMarket(TradeSide.Long, 0.5);
        h.Simulator.OpenMarket(TradeSide.Short, 0.1);
        h.Simulator.OpenMarket(TradeSide.Long, 0.5);
        h.At(2_000, 1.10000, 1.10000);
        Assert.Equal(3, h.Simulator.Positions.Count);
        Assert.Equal(0.5 * 100_000 * 1.1 / 500 * 2 + (0.1 * 100_000 * 1.1 / 500), h.Simulator.Margin, 9);

        // Down 1,050 points: each long −525, the short +105, equity ≈ 55: 55 / 242 ≈ 23 % → the first long (the earlier of
        // two equal losses) closes; 55 / 132 ≈ 42 % → the second; 55 / 22 = 250 % → the short stays.
        h.At(3_000, 1.08950, 1.08950);
        Assert.Equal([(CloseReason.StopOut, 0.5, "long"), (CloseReason.StopOut, 0.5, "long")], h.Simulator.Trades.Select(t => (t.CloseReason, t.Lots, t.Side)));
        var remaining = Assert.Single(h.Simulator.Positions);
        Assert.Equal(TradeSide.Short, remaining.Side);
        Assert.Equal(2, h.Simulator.StopOuts);
        Assert.Equal(1_000 - 525 - 525 + 105, h.Simulator.Equity, 6); // re-marked after each close
        Assert.Equal(1_000 - 525 - 525, h.Simulator.Balance, 6);
        Assert.Equal(2_000, h.Simulator.Trades[0].OpenTimeMs);
    }

    [Fact]
    public void Stop_out_picks_the_lowest_unrealised_profit_even_when_none_is_negative()
    {
        var rules = ApiHarness.Rules(balance: 1_000) with { StopOutMode = Finiex.Contracts.Packages.StopOutMode.Money, StopOutLevel = 2_000 };
        var h = new ApiHarness(rules);
        h.At(1_000, 1.10000, 1.10000);
        h.Simulator.OpenMarket(TradeSide.Long, 0.1);
        h.Simulator.OpenMarket(TradeSide.Long, 0.2);
        h.At(2_000, 1.10000, 1.10000); // equity 1,000 ≤ 2,000 at once: both at 0 P&L, the earliest goes first
        Assert.Equal([0.1, 0.2], h.Simulator.Trades.Select(t => t.Lots));
    }

    [Fact]
    public void Swaps_go_midnight_by_midnight_to_every_position_held_across_in_open_order()
    {
        var h = new ApiHarness(ApiHarness.Rules(swap: true));
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.OpenMarket(TradeSide.Long, 0.1);
        h.At(2_000, 1.10000, 1.10010); // long open on day 0
        h.At(Day + 1_000, 1.10000, 1.10010); // midnight 1 charged to the long only
        h.Simulator.OpenMarket(TradeSide.Short, 0.2);
        h.At(Day + 2_000, 1.10000, 1.10010); // short open on day 1
        h.At((7 * Day) + 1_000, 1.20000, 1.20010); // a gap over midnights 2 to 7 (7 ends a Wednesday: three times): each charged to both

        var point = ApiHarness.Point;
        double Long(long midnight) => Money(midnight, -7.85, 0.1);
        double Short(long midnight) => Money(midnight, 3.8, 0.2);
        double Money(long midnight, double rate, double lots) =>
            rate * point * 100_000 * lots * (new DateTime(1970, 1, 1).AddMilliseconds(midnight - 1).DayOfWeek == DayOfWeek.Wednesday ? 3 : 1);

        var expected = 10_000.0;
        expected += Long(Day);
        var gap = new[] { 2 * Day, 3 * Day, 4 * Day, 5 * Day, 6 * Day, 7 * Day };
        foreach (var midnight in gap)
        {
            expected += Long(midnight);
            expected += Short(midnight);
        }

        Assert.Equal(expected, h.Simulator.Balance); // same additions in the same order: bit for bit
        var s = h.Finish();
        Assert.Equal(Long(Day) + gap.Sum(Long), h.Trade(0).Swap, 12);
        Assert.Equal(gap.Sum(Short), h.Trade(1).Swap, 12);
        Assert.Equal(3 * Short(6 * Day), Short(7 * Day), 12);
        Assert.Equal(s.Swaps, h.Trade(0).Swap + h.Trade(1).Swap, 12);
    }

    [Fact]
    public void In_a_base_currency_account_margin_needs_no_rate_and_profit_and_swap_are_divided_by_the_price()
    {
        // USDJPY in a USD account: point 0.001, 100,000 per lot, leverage 500.
        var rules = ApiHarness.Rules(swap: true) with
        {
            Point = 0.001,
            AccountIsBase = true,
            SwapLong = 5,
            Limits = new RequestLimits(0.01, 100, 0.01, 0.001, 0),
        };
        var h = new ApiHarness(rules);
        h.At(Day - 2_000, 150.000, 150.010);
        h.Simulator.PlacePending(PendingOrderType.BuyStop, 0.5, 150.100);
        h.At(Day - 1_000, 150.000, 150.010);
        h.At(Day - 500, 150.095, 150.105); // fills at the ask 150.105
        var position = h.Position();
        Assert.Equal(0.5 * 100_000 / 500.0, position.Margin); // base → account is 1: no price in it
        h.At(Day + 1_000, 150.200, 150.210); // one midnight: 5 points · 0.001 · 100,000 · 0.5 yen, ÷ the mid
        var swap = 5 * 0.001 * 100_000 * 0.5 / ((150.200 + 150.210) / 2);
        Assert.Equal(swap, h.Simulator.Swaps, 12);
        Assert.Equal((150.200 - 150.105) * 100_000 * 0.5 / 150.200, position.UnrealisedPnl, 9); // marked at the bid, ÷ the bid
        h.Simulator.Close(position.Id);
        h.At(Day + 2_000, 150.300, 150.310);

        var trade = Assert.Single(h.Simulator.Trades);
        Assert.Equal((150.300 - 150.105) * 100_000 * 0.5 / 150.300 + swap, trade.Pnl, 9); // ÷ the closing fill price
        Assert.Equal(10_000 + trade.Pnl, h.Simulator.Balance, 9);
    }
}
