using Finiex.Contracts.Packages;
using Finiex.Data.Store;
using Finiex.Data.Ticks;
using Finiex.Tests.Shared;

namespace Finiex.Data.Tests.Ticks;

/// <summary>Shipped ticks come back bit for bit, real days and awkward values alike, and smaller than their columns.</summary>
public sealed class ShippedTickCodecTests
{
    [Fact]
    public void A_real_day_of_ticks_round_trips_bit_for_bit_at_a_fraction_of_its_size()
    {
        var store = new TickStore(RepoPaths.SampleStore);
        var path = store.TickFilePath("EURUSD");
        long count;
        using (var whole = TickFile.Open(path))
        {
            count = whole.Count;
        }

        using var file = StoreTickRange.Open(path, 0, 100_000, count);

        var packed = ShippedTickCodec.Pack(file.Times, file.Bids, file.Asks);
        var (times, bids, asks) = ShippedTickCodec.Unpack(packed);

        Assert.Equal(file.Times.ToArray(), times);
        Assert.Equal(Bits(file.Bids), Bits(bids));
        Assert.Equal(Bits(file.Asks), Bits(asks));
        Assert.InRange(packed.Length, 1, 100_000 * 24 / 4); // at most a quarter of the raw columns
    }

    [Fact]
    public void Awkward_values_round_trip_bit_for_bit()
    {
        long[] times = [long.MinValue + 1, -5, 0, 0, long.MaxValue, 3];
        double[] bids = [double.NaN, -0.0, 0.0, double.Epsilon, double.MaxValue, double.NegativeInfinity];
        double[] asks = [1.23456, 1.23457, double.PositiveInfinity, -1e-300, 1.1, 1.1];

        var (t, b, a) = ShippedTickCodec.Unpack(ShippedTickCodec.Pack(times, bids, asks));

        Assert.Equal(times, t);
        Assert.Equal(Bits(bids), Bits(b));
        Assert.Equal(Bits(asks), Bits(a));
        Assert.Empty(ShippedTickCodec.Unpack(ShippedTickCodec.Pack([], [], [])).Times);
    }

    [Fact]
    public void The_cache_serves_a_package_its_shipped_range_and_refuses_a_short_one()
    {
        var shipped = new ShippedTicks { TickFilePath = "/store/X/ticks.fxt", StartIndex = 10, EndIndex = 13, Fingerprint = 7, Columns = ShippedTickCodec.Pack([1, 2, 3], [1.0, 1.1, 1.2], [1.5, 1.6, 1.7]) };
        var cache = new ShippedTickCache();
        cache.Add([shipped]);

        using var ticks = cache.Open(new TickSource { TickFilePath = "/store/X/ticks.fxt", StartIndex = 10, EndIndex = 13, ExpectedFileFingerprint = 7 });
        Assert.NotNull(ticks);
        Assert.Equal([1.1], ticks.Bids[1..2].ToArray());
        Assert.Null(cache.Open(new TickSource { TickFilePath = "/store/X/ticks.fxt", StartIndex = 10, EndIndex = 13, ExpectedFileFingerprint = 8 }));
        Assert.Throws<InvalidDataException>(() => cache.Add([shipped with { EndIndex = 14 }]));
    }

    private static long[] Bits(ReadOnlySpan<double> values)
    {
        var bits = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            bits[i] = BitConverter.DoubleToInt64Bits(values[i]);
        }

        return bits;
    }
}
