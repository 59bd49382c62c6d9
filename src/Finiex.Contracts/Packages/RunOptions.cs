using MessagePack;

namespace Finiex.Contracts.Packages;

/// <summary>How to run: profiling, bar traces, live update interval and the optional parts of each live update.</summary>
[MessagePackObject]
public sealed record RunOptions
{
    [Key(0)] public bool Profiling { get; init; } = true;
    [Key(1)] public bool TraceBars { get; init; }
    [Key(2)] public double UpdateIntervalSeconds { get; init; } = 0.3;
    [Key(3)] public bool ExportPortfolioStats { get; init; }
    [Key(4)] public bool ExportPerformanceStats { get; init; }
    [Key(5)] public bool ExportCurrentBars { get; init; }

    [IgnoreMember]
    public bool ExportsAnything => ExportPortfolioStats || ExportPerformanceStats || ExportCurrentBars;
}
