using MessagePack;

namespace Finiex.Contracts.Live;

/// <summary>The optional parts of a live update; each is null unless switched on in the set's execution block.</summary>
[MessagePackObject]
public sealed record LiveExport
{
    [Key(0)] public LivePortfolio? Portfolio { get; init; }
    [Key(1)] public LivePerformance? Performance { get; init; }
    [Key(2)] public IReadOnlyList<LiveBar>? Bars { get; init; }
}
