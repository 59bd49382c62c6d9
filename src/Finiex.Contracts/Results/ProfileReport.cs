using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>
/// Where the tick loop's time went: the six steps of SEMANTICS §9 and the worker/decision breakdown, estimated from a
/// timed sample of ticks (every <see cref="SampleEvery"/>-th) and scaled to all ticks.
/// </summary>
[MessagePackObject]
public sealed record ProfileReport
{
    [Key(0)] public long TicksTotal { get; init; }
    [Key(1)] public long TicksSampled { get; init; }
    [Key(2)] public int SampleEvery { get; init; }
    [Key(3)] public IReadOnlyList<OperationShare> Operations { get; init; } = [];
    [Key(4)] public IReadOnlyList<OperationShare> WorkerDecision { get; init; } = [];
}

/// <summary>An operation's estimated total milliseconds over all ticks and its share of the measured whole.</summary>
[MessagePackObject]
public sealed record OperationShare([property: Key(0)] string Name, [property: Key(1)] double TotalMs, [property: Key(2)] double Share);
