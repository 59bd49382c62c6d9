using Finiex.Contracts.Packages;
using Finiex.Engine.Loop;

namespace Finiex.Orchestration.Execution;

/// <summary>
/// Cuts a batch into work units: scenarios over the same ticks and window (<see cref="FusionKey"/>) go to a slot
/// together, to run as one fused sweep; the others one by one. A group is cut into units of equal size, at most
/// <c>fuseUpTo</c> each and small enough that every slot gets two (a slot that finishes early takes the next, so the
/// last units end together); units keep the batch's order.
/// </summary>
public static class FusedUnits
{
    /// <summary>The default most scenarios fused in one unit: sharing grows with the size, and so does what a crash of its runner takes with it.</summary>
    public const int DefaultMaximum = 64;

    public static IReadOnlyList<IReadOnlyList<ProcessDataPackage>> Split(IReadOnlyList<ProcessDataPackage> packages, int slots, int fuseUpTo)
    {
        if (fuseUpTo <= 1)
        {
            return [.. packages.Select(p => (IReadOnlyList<ProcessDataPackage>)[p])];
        }

        var units = new List<IReadOnlyList<ProcessDataPackage>>();
        foreach (var group in packages.GroupBy(p => FusionKey.Of(p) ?? $"#{p.ScenarioIndex}"))
        {
            var members = group.ToList();
            var count = Math.Max((members.Count + fuseUpTo - 1) / fuseUpTo, Math.Min(members.Count, 2 * Math.Max(1, slots)));
            for (var u = 0; u < count; u++)
            {
                var (from, to) = (members.Count * u / count, members.Count * (u + 1) / count);
                units.Add(members[from..to]);
            }
        }

        return units;
    }
}
