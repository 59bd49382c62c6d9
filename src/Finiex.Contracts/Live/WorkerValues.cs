using MessagePack;

namespace Finiex.Contracts.Live;

/// <summary>A worker's current outputs, in the order of <see cref="Names"/>; NaN while it is not ready.</summary>
[MessagePackObject]
public sealed record WorkerValues(
    [property: Key(0)] string Worker,
    [property: Key(1)] string Timeframe,
    [property: Key(2)] bool IsReady,
    [property: Key(3)] IReadOnlyList<string> Names,
    [property: Key(4)] IReadOnlyList<double> Values);
