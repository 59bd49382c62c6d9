using System.Runtime.CompilerServices;

namespace Finiex.Engine.Trading;

/// <summary>
/// Equity as marked at every tick, with the running peak and the max drawdown of SEMANTICS §7, and the lowest and highest
/// equity since the equity curve last took them. A mutable struct held in a field, so marking costs no indirection.
/// </summary>
internal struct EquityMarks(double initialBalance)
{
    public double Equity = initialBalance;
    public double Peak = initialBalance;
    public double MaxDrawdown;
    public double MaxDrawdownPct;
    public double Low = double.PositiveInfinity;
    public double High = double.NegativeInfinity;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Mark(double equity)
    {
        Equity = equity;
        Low = Math.Min(Low, equity);
        High = Math.Max(High, equity);
        DrawdownRule.Mark(equity, ref Peak, ref MaxDrawdown, ref MaxDrawdownPct);
    }

    /// <summary>The lowest and highest equity marked since the last call (the current equity when nothing was marked).</summary>
    public (double Low, double High) TakeRange()
    {
        var range = Low <= High ? (Low, High) : (Equity, Equity);
        (Low, High) = (double.PositiveInfinity, double.NegativeInfinity);
        return range;
    }
}
