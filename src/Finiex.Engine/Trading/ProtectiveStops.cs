using System.Runtime.CompilerServices;

namespace Finiex.Engine.Trading;

/// <summary>Which of a position's protective stops a tick hits.</summary>
internal enum StopHit
{
    None,
    StopLoss,
    TakeProfit,
}

/// <summary>
/// The SL/TP rule of SEMANTICS §6, one formula for both simulators and the quiet-stretch scan: a long is hit at its bid
/// when <c>bid ≤ SL</c> or <c>bid ≥ TP</c>, a short at its ask when <c>ask ≥ SL</c> or <c>ask ≤ TP</c>; the SL wins a tie,
/// and NaN (no stop) is never hit.
/// </summary>
internal static class ProtectiveStops
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StopHit Check(bool isLong, double bid, double ask, double stopLoss, double takeProfit) => isLong
        ? bid <= stopLoss ? StopHit.StopLoss : bid >= takeProfit ? StopHit.TakeProfit : StopHit.None
        : ask >= stopLoss ? StopHit.StopLoss : ask <= takeProfit ? StopHit.TakeProfit : StopHit.None;
}
