using System.Globalization;
using Finiex.Contracts.Packages;

namespace Finiex.Engine.Loop;

/// <summary>
/// Which scenarios may run fused (one pass over the ticks, bars and workers shared): those over the same stored ticks
/// and window. Inline ticks (a package that carries its own) and bar traces (recorded per scenario's own loop) run alone.
/// </summary>
public static class FusionKey
{
    /// <summary>The key scenarios must share to be fused; null when this one runs alone.</summary>
    public static string? Of(ProcessDataPackage package)
    {
        var ticks = package.Ticks;
        if (ticks.IsInline || package.Options.TraceBars)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{package.Symbol}|{package.StartMs}|{package.EndMs}|{ticks.TickFilePath}|{ticks.StartIndex}|{ticks.EndIndex}|{ticks.ExpectedFileTicks}|{ticks.ExpectedFileFingerprint}");
    }
}
