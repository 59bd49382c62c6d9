using Finiex.Sdk.Time;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Strategies;

/// <summary>The channel of the last n closed bars' highest high and lowest low.</summary>
public sealed record ChannelSettings(Timeframe Timeframe, int Lookback, ChannelMode Mode, double Lots, double OffsetPoints, double StopLossPoints,
    double TakeProfitPoints, double TrailingPoints, int ExpiryBars);

/// <summary>
/// The built-in <c>channel_breakout</c> of SEMANTICS §10. At a tick that closes a bar of its timeframe, once n bars have
/// closed, with no position open: cancel its pending orders (those not already asked), then place a buy and a sell order
/// of <c>lot_size</c> at the channel's edges ± the offset, expiring <c>expiry_bars</c> bars after the tick's bucket
/// starts — stops in breakout mode, limits in fade mode, the buy first. At every tick with a position open and pending
/// orders, it cancels those not already asked to cancel (one cancels the other, subject to latency).
/// </summary>
public sealed class ChannelBreakout(ChannelSettings settings) : TradingStrategy
{
    private readonly List<long> _askedToCancel = []; // ids, in the order asked; cleared once no order is left
    private readonly StopLevel _stopLoss = settings.StopLossPoints > 0 ? StopLevel.Points(settings.StopLossPoints) : StopLevel.None;
    private readonly StopLevel _takeProfit = settings.TakeProfitPoints > 0 ? StopLevel.Points(settings.TakeProfitPoints) : StopLevel.None;

    public override string Name => "channel_breakout";

    public override void OnTick(TradingContext context)
    {
        if (context.Orders.Count == 0)
        {
            _askedToCancel.Clear();
        }

        var hasPosition = context.Positions.Count > 0;
        if (hasPosition && context.Orders.Count > 0)
        {
            CancelOrders(context);
        }

        var bars = context.Bars(settings.Timeframe);
        if (hasPosition || !bars.ClosedThisTick || bars.Count < settings.Lookback)
        {
            return;
        }

        CancelOrders(context);
        var (high, low) = Channel(bars.High[^settings.Lookback..], bars.Low[^settings.Lookback..]);
        var offset = settings.OffsetPoints * context.Point;
        var expiry = bars.FormingStart + (settings.ExpiryBars * settings.Timeframe.LengthMs);
        var (buyType, buyPrice, sellType, sellPrice) = settings.Mode == ChannelMode.Breakout
            ? (PendingOrderType.BuyStop, high + offset, PendingOrderType.SellStop, low - offset)
            : (PendingOrderType.BuyLimit, low - offset, PendingOrderType.SellLimit, high + offset);
        context.PlacePending(buyType, settings.Lots, buyPrice, _stopLoss, _takeProfit, settings.TrailingPoints, expiry);
        context.PlacePending(sellType, settings.Lots, sellPrice, _stopLoss, _takeProfit, settings.TrailingPoints, expiry);
    }

    /// <summary>Asks to cancel each pending order, in placement order, that it has not asked to cancel before.</summary>
    private void CancelOrders(TradingContext context)
    {
        foreach (var order in context.Orders)
        {
            if (!_askedToCancel.Contains(order.Id))
            {
                context.Cancel(order.Id);
                _askedToCancel.Add(order.Id);
            }
        }
    }

    private static (double High, double Low) Channel(ReadOnlySpan<double> highs, ReadOnlySpan<double> lows)
    {
        var (high, low) = (double.NegativeInfinity, double.PositiveInfinity);
        for (var i = 0; i < highs.Length; i++)
        {
            high = Math.Max(high, highs[i]);
            low = Math.Min(low, lows[i]);
        }

        return (high, low);
    }
}
