using Finiex.Contracts.Results;
using MessagePack;

namespace Finiex.Contracts.Live;

/// <summary>How fast the tick loop runs so far, where its time goes (when profiling is on) and what each worker says now.</summary>
[MessagePackObject]
public sealed record LivePerformance
{
    [Key(0)] public double ElapsedMs { get; init; }
    [Key(1)] public double TicksPerSecond { get; init; }
    /// <summary>The per-operation profile of the ticks so far; null when profiling is off.</summary>
    [Key(2)] public ProfileReport? Profile { get; init; }
    [Key(3)] public IReadOnlyList<WorkerValues> Workers { get; init; } = [];
}
