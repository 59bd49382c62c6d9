using System.Collections.Immutable;

namespace Finiex.Data.Coverage;

/// <summary>What a symbol's ticks cover: range, trading days and gaps by category.</summary>
public sealed record CoverageReport
{
    public long Ticks { get; init; }
    public long FirstMs { get; init; }
    public long LastMs { get; init; }
    /// <summary>Distinct UTC dates with at least one tick.</summary>
    public int Days { get; init; }
    public ImmutableSortedDictionary<GapCategory, int> GapCounts { get; init; } = ImmutableSortedDictionary<GapCategory, int>.Empty;
    /// <summary>The longest gaps that are not weekends, longest first (at most 10).</summary>
    public ImmutableArray<Gap> LargestGaps { get; init; } = [];
    public ImmutableArray<Gap> WeekendGaps { get; init; } = [];
}
