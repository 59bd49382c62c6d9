using System.Runtime.CompilerServices;

namespace Finiex.Engine.Trading;

/// <summary>Max drawdown on equity marked at every tick (SEMANTICS §7): <c>max(peak − equity)</c>, and as a percentage of that peak.</summary>
internal static class DrawdownRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mark(double equity, ref double peak, ref double maxDrawdown, ref double maxDrawdownPct)
    {
        if (equity > peak)
        {
            peak = equity;
        }
        else if (peak - equity > maxDrawdown)
        {
            maxDrawdown = peak - equity;
            maxDrawdownPct = peak > 0 ? maxDrawdown / peak * 100 : 0;
        }
    }
}
