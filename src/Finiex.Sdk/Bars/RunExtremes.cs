using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Finiex.Sdk.Bars;

/// <summary>The lowest and highest of a run of prices, four at a time where the CPU allows (prices are finite).</summary>
internal static class RunExtremes
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Low, double High) Of(ReadOnlySpan<double> prices, double low, double high)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated && prices.Length >= 2 * Vector256<double>.Count)
        {
            ref var first = ref MemoryMarshal.GetReference(prices);
            var lows = Vector256.Create(low);
            var highs = Vector256.Create(high);
            for (; i <= prices.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var chunk = Vector256.LoadUnsafe(ref first, (nuint)i);
                lows = Vector256.Min(lows, chunk);
                highs = Vector256.Max(highs, chunk);
            }

            for (var lane = 0; lane < Vector256<double>.Count; lane++)
            {
                low = Math.Min(low, lows[lane]);
                high = Math.Max(high, highs[lane]);
            }
        }

        for (; i < prices.Length; i++)
        {
            var price = prices[i];
            low = price < low ? price : low;
            high = price > high ? price : high;
        }

        return (low, high);
    }
}
