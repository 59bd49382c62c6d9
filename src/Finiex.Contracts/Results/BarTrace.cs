using Finiex.Contracts.Packages;
using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>Every closed bar of one timeframe with each worker's value at its close (finiex run --trace).</summary>
[MessagePackObject]
public sealed record BarTrace
{
    [Key(0)] public required string Timeframe { get; init; }
    [Key(1)] public required IReadOnlyList<string> Columns { get; init; }
    [Key(2)] public required BarColumns Bars { get; init; }
    /// <summary>Per closed bar, one value per column (NaN while a worker is not ready).</summary>
    [Key(3)] public required double[] Values { get; init; }
}
