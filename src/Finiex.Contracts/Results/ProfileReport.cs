using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>
/// Where the tick loop's time went: the six steps of SEMANTICS §9 and the worker/decision breakdown, in milliseconds
/// measured (the clock's own cost subtracted) and shares of their sum. The loop times each step once per block of
/// ticks, so every tick is measured: <see cref="TicksSampled"/> = <see cref="TicksTotal"/>, <see cref="SampleEvery"/> = 1.
/// </summary>
[MessagePackObject]
public sealed record ProfileReport
{
    [Key(0)] public long TicksTotal { get; init; }
    [Key(1)] public long TicksSampled { get; init; }
    [Key(2)] public int SampleEvery { get; init; }
    [Key(3)] public IReadOnlyList<OperationShare> Operations { get; init; } = [];
    [Key(4)] public IReadOnlyList<OperationShare> WorkerDecision { get; init; } = [];
    /// <summary>Estimated cost of profiling itself (its clock reads), in ms and as a share of the tick loop.</summary>
    [Key(5)] public double OverheadMs { get; init; }
    [Key(6)] public double OverheadShare { get; init; }
}

/// <summary>An operation's estimated total milliseconds over all ticks and its share of the measured whole.</summary>
[MessagePackObject]
public sealed record OperationShare([property: Key(0)] string Name, [property: Key(1)] double TotalMs, [property: Key(2)] double Share);
