using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>Wall-clock milliseconds of a scenario's phases, with the startup steps timed one by one.</summary>
[MessagePackObject]
public sealed record RunTimings
{
    [Key(0)] public double StartupMs { get; init; }
    [Key(1)] public double TickLoopMs { get; init; }
    [Key(2)] public double TotalMs { get; init; }
    [Key(3)] public IReadOnlyList<TimedStep> StartupSteps { get; init; } = [];
}

[MessagePackObject]
public sealed record TimedStep([property: Key(0)] string Name, [property: Key(1)] double Milliseconds);
