namespace Finiex.Core.Ticks;

/// <summary>The scenario's ticks as columns: a mapped store range, or arrays. Disposing releases the mapping.</summary>
public interface ITickData : IDisposable
{
    ReadOnlySpan<long> Times { get; }

    ReadOnlySpan<double> Bids { get; }

    ReadOnlySpan<double> Asks { get; }
}
