namespace Finiex.Core.Ticks;

/// <summary>The scenario's ticks as columns: a mapped store range, or arrays. Disposing releases the mapping.</summary>
public interface ITickData : IDisposable
{
    ReadOnlySpan<long> Times { get; }

    ReadOnlySpan<double> Bids { get; }

    ReadOnlySpan<double> Asks { get; }

    /// <summary>
    /// Throws <see cref="TickDataChangedException"/> when the data under these columns changed since they were opened
    /// (a mapped file overwritten in place). Called after the tick loop, so such a run is never reported completed.
    /// </summary>
    void EnsureUnchanged()
    {
    }
}
