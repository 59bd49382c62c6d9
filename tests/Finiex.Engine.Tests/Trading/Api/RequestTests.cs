using Finiex.Engine.Trading;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Tests.Trading.Api;

/// <summary>Requests of SEMANTICS §10: checks at submission and their counters, latency and order, dropped requests, modifies.</summary>
public sealed class RequestTests
{
    [Fact]
    public void Rejections_at_submission_name_the_reason_draw_no_latency_and_count_orders_apart_from_other_requests()
    {
        var h = new ApiHarness(ApiHarness.Rules(balance: 1_000, stopsLevel: 10));
        h.At(1_000, 1.10000, 1.10010);
        var api = h.Simulator;
        Assert.Equal(RequestRejection.VolumeOffGrid, api.OpenMarket(TradeSide.Long, 0.015));
        Assert.Equal(RequestRejection.VolumeOffGrid, api.PlacePending(PendingOrderType.BuyLimit, 0, 1.09000));
        Assert.Equal(RequestRejection.PriceOnWrongSide, api.PlacePending(PendingOrderType.BuyLimit, 0.1, 1.10010)); // at the ask: not strictly below
        Assert.Equal(RequestRejection.PriceTooClose, api.PlacePending(PendingOrderType.BuyStop, 0.1, 1.10019)); // 9 points above the ask
        Assert.Equal(RequestRejection.None, api.PlacePending(PendingOrderType.BuyStop, 0.1, 1.10020)); // exactly 10: allowed
        Assert.Equal(RequestRejection.PriceTooClose, api.PlacePending(PendingOrderType.SellLimit, 0.1, 1.10009)); // against the bid
        Assert.Equal(RequestRejection.StopLossOnWrongSide, api.OpenMarket(TradeSide.Long, 0.1, stopLoss: StopLevel.AtPrice(1.10020)));
        Assert.Equal(RequestRejection.TakeProfitTooClose, api.OpenMarket(TradeSide.Short, 0.1, takeProfit: StopLevel.AtPrice(1.09995)));
        Assert.Equal(RequestRejection.StopLossTooClose, api.PlacePending(PendingOrderType.SellStop, 0.1, 1.09900, stopLoss: StopLevel.AtPrice(1.09905))); // against the order price
        Assert.Equal(RequestRejection.DistanceTooSmall, api.OpenMarket(TradeSide.Long, 0.1, takeProfit: StopLevel.Points(9)));
        Assert.Equal(RequestRejection.DistanceTooSmall, api.OpenMarket(TradeSide.Long, 0.1, trailingPoints: 5));
        Assert.Equal(RequestRejection.NotEnoughMargin, api.OpenMarket(TradeSide.Long, 5)); // 1,100 of margin > 1,000 free
        Assert.Equal(RequestRejection.UnknownTarget, api.Close(99));
        Assert.Equal(RequestRejection.UnknownTarget, api.Cancel(99));
        Assert.Equal(RequestRejection.UnknownTarget, api.ModifyPosition(99, stopLoss: 1.0));
        Assert.Equal(1, api.RequestsInFlight); // the one buy stop that passed

        h.At(2_000, 1.10000, 1.10010);
        var order = Assert.Single(api.Orders);
        Assert.Equal(RequestRejection.PriceOnWrongSide, api.ModifyOrder(order.Id, price: 1.09990)); // a buy stop below the ask
        Assert.Equal(RequestRejection.TakeProfitOnWrongSide, api.ModifyOrder(order.Id, takeProfit: StopLevel.AtPrice(1.10000)));
        var s = h.Finish();
        Assert.Equal((1L, 12L, 4L), (s.OrdersSent, s.OrdersRejected, s.RequestsRejected));
    }

    [Fact]
    public void A_modify_checks_only_what_it_changes()
    {
        var h = new ApiHarness(ApiHarness.Rules(stopsLevel: 10));
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.PlacePending(PendingOrderType.BuyLimit, 0.1, 1.09900, stopLoss: StopLevel.AtPrice(1.09800));
        h.At(2_000, 1.09895, 1.09905); // the ask is now 5 points from the limit: a price change would be too close
        var id = h.Simulator.Orders[0].Id;
        Assert.Equal(RequestRejection.None, h.Simulator.ModifyOrder(id, expiryMs: 9_000)); // the price is not checked again
        Assert.Equal(RequestRejection.PriceTooClose, h.Simulator.ModifyOrder(id, price: 1.09900));
    }

    [Fact]
    public void Requests_are_carried_out_when_due_in_submission_order_among_those_due_at_the_same_tick()
    {
        // Latency min 1 max 3 with seed 42: draws in submission order decide each request's tick.
        var h = new ApiHarness(ApiHarness.Rules(latencyMin: 1, latencyMax: 3));
        var draws = new LatencyDraws(1, 3, 42);
        var expected = new[] { draws.Next(), draws.Next(), draws.Next(), draws.Next() };
        h.At(1_000, 1.10000, 1.10010);
        var api = h.Simulator;
        api.OpenMarket(TradeSide.Long, 0.01);
        api.OpenMarket(TradeSide.Short, 0.02);
        api.PlacePending(PendingOrderType.BuyLimit, 0.03, 1.09000);
        api.OpenMarket(TradeSide.Long, 0.04);
        var lots = new[] { 0.01, 0.02, 0.03, 0.04 };
        var arrived = new int[4];
        for (var t = 1; t <= 3; t++)
        {
            h.At(1_000 + (t * 1_000), 1.10000 + (t * 0.0001), 1.10010 + (t * 0.0001));
            for (var i = 0; i < 4; i++)
            {
                if (arrived[i] == 0 && (api.Positions.Any(p => p.Lots == lots[i]) || api.Orders.Any(o => o.Lots == lots[i])))
                {
                    arrived[i] = t;
                }
            }
        }

        Assert.Equal(expected, arrived);
        var order = Enumerable.Range(0, 4).OrderBy(i => expected[i]).ThenBy(i => i).Select(i => (expected[i], lots[i])).ToArray();
        Assert.True(expected.Distinct().Count() > 1, "the seed should spread the requests over several ticks");
        // Positions are numbered in the order they opened, so equal-tick fills keep submission order.
        Assert.Equal(api.Positions.OrderBy(p => p.Id).Select(p => p.Lots), order.Where(o => o.Item2 != 0.03).Select(o => o.Item2));
    }

    [Fact]
    public void A_request_whose_target_is_gone_when_it_is_due_is_dropped_and_counted_only_there()
    {
        var h = new ApiHarness(ApiHarness.Rules(latencyMin: 2, latencyMax: 2));
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.PlacePending(PendingOrderType.BuyLimit, 0.1, 1.09950);
        h.Simulator.OpenMarket(TradeSide.Short, 0.1, takeProfit: StopLevel.Points(50));
        h.At(2_000, 1.10000, 1.10010);
        h.At(3_000, 1.10000, 1.10010); // both carried out
        var order = h.Simulator.Orders[0];
        var position = h.Position();
        h.Simulator.Cancel(order.Id); // on its way for two ticks...
        h.Simulator.Close(position.Id); // ... so is this close
        h.Simulator.ModifyPosition(position.Id, takeProfit: 1.09000);
        h.At(4_000, 1.09940, 1.09945); // the limit fills (ask ≤ 1.09950) and the short (sold at the bid 1.10000) hits its TP at 1.09950
        Assert.Equal(CloseReason.TakeProfit, h.Trade(0).CloseReason);
        h.At(5_000, 1.10000, 1.10010); // the cancel, the close and the modify arrive: all three targets are gone
        var s = h.Finish();
        Assert.Equal(3, s.RequestsDropped);
        Assert.Equal(0, s.RequestsRejected);
        // orders_sent = filled + cancelled + rejections at fill + dropped closes
        Assert.Equal((3L, 2L, 0L), (s.OrdersSent, s.OrdersFilled, s.OrdersCancelled));
        Assert.Equal(s.OrdersSent, s.OrdersFilled + s.OrdersCancelled + 0 + 1);
    }

    [Fact]
    public void A_close_for_more_lots_than_remain_when_due_closes_them_all()
    {
        var h = new ApiHarness(ApiHarness.Rules(latencyMin: 1, latencyMax: 1));
        h.At(1_000, 1.10000, 1.10010);
        h.Simulator.OpenMarket(TradeSide.Long, 0.5);
        h.At(2_000, 1.10000, 1.10010);
        var id = h.Position().Id;
        Assert.Equal(RequestRejection.None, h.Simulator.Close(id, 0.3));
        Assert.Equal(RequestRejection.None, h.Simulator.Close(id, 0.3)); // checked against the 0.5 lots it sees
        Assert.Equal(RequestRejection.CloseVolumeInvalid, h.Simulator.Close(id, 0.6));
        h.At(3_000, 1.10100, 1.10110);
        Assert.Empty(h.Simulator.Positions);
        Assert.Equal([0.3, 0.5 - 0.3], h.Simulator.Trades.Select(t => t.Lots));
        Assert.All(h.Simulator.Trades, t => Assert.Equal(CloseReason.CloseRequest, t.CloseReason));
    }
}
