namespace Finiex.Engine.Trading;

/// <summary>
/// A scenario's latency draws (SEMANTICS §6, §10): <c>min</c> ticks, or when <c>max &gt; min</c>,
/// <c>min + (r mod (max − min + 1))</c> with r the next output of one SplitMix64 stream seeded with <c>latency_seed</c>,
/// drawn once per accepted order or request, in submission order.
/// </summary>
public struct LatencyDraws(int min, int max, ulong seed)
{
    private SplitMix64 _random = new(seed);

    public int Next() => max > min ? min + (int)(_random.Next() % (ulong)(max - min + 1)) : min;
}
