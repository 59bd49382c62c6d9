namespace Finiex.Engine.Tests.Golden;

/// <summary>The latency of SEMANTICS §6 for the straight-line references, written from the rule: SplitMix64 step by step.</summary>
internal static class ReferenceLatency
{
    public static int Draw(ref ulong state, int min, int max)
    {
        if (max <= min)
        {
            return min;
        }

        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return min + (int)(z % (ulong)(max - min + 1));
    }
}
