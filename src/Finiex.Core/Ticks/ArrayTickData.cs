namespace Finiex.Core.Ticks;

/// <summary>Ticks held in arrays (inline packages, tests).</summary>
public sealed class ArrayTickData(long[] times, double[] bids, double[] asks) : ITickData
{
    public ReadOnlySpan<long> Times => times;

    public ReadOnlySpan<double> Bids => bids;

    public ReadOnlySpan<double> Asks => asks;

    public void Dispose()
    {
    }
}
