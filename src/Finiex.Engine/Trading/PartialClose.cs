using System.Runtime.CompilerServices;

namespace Finiex.Engine.Trading;

/// <summary>
/// A partial close of <c>k</c> of a position's <c>n</c> lots (SEMANTICS §10): the closed trade takes the share
/// <c>amount · (k / n)</c> of each amount the position carries (its opening commission, the swaps charged so far, its
/// margin) and the rest of the position keeps (<c>Kept</c>) <c>amount − share</c>, so the two always add up to the amount exactly.
/// </summary>
public static class PartialClose
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Share, double Kept) Split(double amount, double closedLots, double lots)
    {
        var share = amount * (closedLots / lots);
        return (share, amount - share);
    }
}
