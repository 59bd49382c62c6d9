using System.Runtime.CompilerServices;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Trading;

/// <summary>
/// A trailing stop of <c>d</c> points (SEMANTICS §10), applied after the SL/TP checks of a tick to the positions filled
/// before it: a long's SL becomes <c>bid − d·point</c> when that is above its SL (or it has none), a short's
/// <c>ask + d·point</c> when that is below. NaN stands for "no SL".
/// </summary>
public static class TrailingStopRule
{
    /// <summary>The position's SL after trailing; the same value when the trail does not move it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Trail(TradeSide side, double stopLoss, double bid, double ask, double distancePoints, double point)
    {
        if (side == TradeSide.Long)
        {
            var trailed = bid - (distancePoints * point);
            return double.IsNaN(stopLoss) || trailed > stopLoss ? trailed : stopLoss;
        }

        var above = ask + (distancePoints * point);
        return double.IsNaN(stopLoss) || above < stopLoss ? above : stopLoss;
    }
}
