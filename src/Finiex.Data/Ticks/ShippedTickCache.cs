using Finiex.Contracts.Packages;
using Finiex.Core.Ticks;

namespace Finiex.Data.Ticks;

/// <summary>
/// The ticks a parent shipped to a runner, unpacked once and kept for the runner's life (the parent sends each range
/// once per runner). A package whose range was shipped opens it from here; others read the store.
/// </summary>
public sealed class ShippedTickCache
{
    private readonly List<(ShippedTicks Key, ArrayTickData Ticks)> _ranges = [];

    public void Add(IReadOnlyList<ShippedTicks>? shipped)
    {
        foreach (var ticks in shipped ?? [])
        {
            var (times, bids, asks) = ShippedTickCodec.Unpack(ticks.Columns);
            var expected = ticks.EndIndex - ticks.StartIndex;
            if (times.Length != expected)
            {
                throw new InvalidDataException($"Shipped ticks of {ticks.TickFilePath} [{ticks.StartIndex}, {ticks.EndIndex}) hold {times.Length} ticks, not {expected}.");
            }

            lock (_ranges)
            {
                _ranges.Add((ticks with { Columns = [] }, new ArrayTickData(times, bids, asks)));
            }
        }
    }

    /// <summary>The shipped ticks of this source, or null when they were not shipped.</summary>
    public ITickData? Open(TickSource source)
    {
        lock (_ranges)
        {
            foreach (var (key, ticks) in _ranges)
            {
                if (key.Serves(source))
                {
                    return new SharedColumns(ticks);
                }
            }
        }

        return null;
    }

    /// <summary>A scenario's view of cached columns: disposing it leaves them for the next one.</summary>
    private sealed class SharedColumns(ArrayTickData ticks) : ITickData
    {
        public ReadOnlySpan<long> Times => ticks.Times;

        public ReadOnlySpan<double> Bids => ticks.Bids;

        public ReadOnlySpan<double> Asks => ticks.Asks;

        public void Dispose()
        {
        }
    }
}
