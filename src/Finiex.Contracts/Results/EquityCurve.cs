using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>
/// A scenario's account over time, bounded in size whatever its tick count (at most <see cref="MaxPoints"/> points).
/// Each point covers a stretch of ticks ending at <see cref="Times"/>: the equity and balance at its last tick, and the
/// lowest and highest equity marked in it, so every drawdown's trough and every peak survive the downsampling. The
/// daily series is the equity at the last tick of each UTC day with ticks (SEMANTICS §8b, <c>E_d</c>).
/// </summary>
[MessagePackObject]
public sealed record EquityCurve
{
    public const int MaxPoints = 2_000;

    [Key(0)] public IReadOnlyList<long> Times { get; init; } = [];
    [Key(1)] public IReadOnlyList<double> Equity { get; init; } = [];
    [Key(2)] public IReadOnlyList<double> Low { get; init; } = [];
    [Key(3)] public IReadOnlyList<double> High { get; init; } = [];
    [Key(4)] public IReadOnlyList<double> Balance { get; init; } = [];
    /// <summary>Start (00:00 UTC, ms) of each day with ticks, in order.</summary>
    [Key(5)] public IReadOnlyList<long> Days { get; init; } = [];
    /// <summary>The equity last marked at the last tick of each of <see cref="Days"/> (the last: final_equity).</summary>
    [Key(6)] public IReadOnlyList<double> DayEquity { get; init; } = [];
}
