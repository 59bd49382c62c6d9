namespace Finiex.Core.Symbols;

/// <summary>The broker's volume grid: lots in [min, max] and a whole multiple of the step (SEMANTICS §6, §10).</summary>
public static class VolumeGrid
{
    public static bool Contains(double lots, double min, double max, double step) =>
        lots >= min - 1e-12 && lots <= max + 1e-12 && IsMultiple(lots, step);

    /// <summary>Whether <paramref name="lots"/> is a whole number of steps (up to the rounding of decimal lot sizes).</summary>
    public static bool IsMultiple(double lots, double step)
    {
        var steps = lots / step;
        return Math.Abs(steps - Math.Round(steps)) < 1e-7;
    }
}
