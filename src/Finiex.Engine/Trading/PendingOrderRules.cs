using System.Runtime.CompilerServices;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Trading;

/// <summary>
/// When a placed pending order expires or triggers at a tick, and at what price it fills (SEMANTICS §10): from the tick
/// after its placement on, an order whose expiry is at or before the tick's time is cancelled first; otherwise a buy limit
/// triggers when <c>ask ≤ price</c>, a sell limit when <c>bid ≥ price</c>, a buy stop when <c>ask ≥ price</c>, a sell
/// stop when <c>bid ≤ price</c>, and fills at the tick's own ask (buy) or bid (sell), so a gap gives slippage or price
/// improvement. Small and inlined: the simulator's tick path and its block scan call the same helpers.
/// </summary>
public static class PendingOrderRules
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsExpired(long expiry, long tickTime) => expiry <= tickTime;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Triggers(PendingOrderType type, double price, double bid, double ask) => type switch
    {
        PendingOrderType.BuyLimit => ask <= price,
        PendingOrderType.SellLimit => bid >= price,
        PendingOrderType.BuyStop => ask >= price,
        _ => bid <= price,
    };

    /// <summary>The price a triggered order fills at: the tick's ask for a buy, its bid for a sell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FillPrice(PendingOrderType type, double bid, double ask) => type.Side() == TradeSide.Long ? ask : bid;
}
