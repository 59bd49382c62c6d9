using Finiex.Data.Store;
using Finiex.Data.Ticks;

namespace Finiex.Data.Tests.Store;

public sealed class TickFileTests
{
    private static TickColumns RandomTicks(int count, bool volumes, int seed = 7)
    {
        var random = new Random(seed);
        var ticks = new TickColumns(volumes, count);
        var time = 1_400_000_000_000L;
        for (var i = 0; i < count; i++)
        {
            time += random.Next(0, 2000);
            var bid = 1.3 + (random.NextDouble() / 100);
            ticks.Add(time, bid, bid + (random.Next(-1, 5) * 0.00001), random.NextDouble(), random.NextDouble());
        }

        return ticks;
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(1000, true)]
    [InlineData(200_001, false)]
    public void What_is_written_is_read_back_bit_for_bit(int count, bool volumes)
    {
        using var temp = new TempDirectory();
        var ticks = RandomTicks(count, volumes);
        var path = temp.File("ticks.fxt");

        TickFileWriter.Write(path, "EURUSD", ticks, chunkTicks: 65_536);
        using var file = TickFile.Open(path);

        Assert.Equal("EURUSD", file.Symbol);
        Assert.Equal(count, file.Count);
        Assert.Equal(volumes, file.HasVolumes);
        file.VerifyAll();
        Assert.True(ticks.Times.SequenceEqual(file.Times(0, count)));
        Assert.True(ticks.Bids.SequenceEqual(file.Bids(0, count)));
        Assert.True(ticks.Asks.SequenceEqual(file.Asks(0, count)));
        if (volumes)
        {
            Assert.True(ticks.BidVolumes.SequenceEqual(file.BidVolumes(0, count)));
            Assert.True(ticks.AskVolumes.SequenceEqual(file.AskVolumes(0, count)));
        }
    }

    [Fact]
    public void Columns_are_aligned_so_a_runner_can_map_them_in_place()
    {
        var layout = TickFileLayout.For(12345, hasVolumes: true, 4096);
        Assert.All(new[] { layout.TimesOffset, layout.BidsOffset, layout.AsksOffset, layout.BidVolumesOffset, layout.AskVolumesOffset, layout.ChunkTableOffset },
            offset => Assert.Equal(0, offset % 64));
    }

    [Fact]
    public void Lower_bound_finds_the_first_tick_at_or_after_a_time()
    {
        using var temp = new TempDirectory();
        var ticks = new TickColumns(false);
        foreach (var t in new long[] { 10, 20, 20, 30 })
        {
            ticks.Add(t, 1, 1);
        }

        TickFileWriter.Write(temp.File("t.fxt"), "X", ticks);
        using var file = TickFile.Open(temp.File("t.fxt"));
        Assert.Equal(0, file.LowerBound(5));
        Assert.Equal(1, file.LowerBound(20));
        Assert.Equal(3, file.LowerBound(21));
        Assert.Equal(4, file.LowerBound(31));
    }

    [Fact]
    public void A_flipped_byte_in_the_data_is_caught_when_its_chunk_is_read()
    {
        using var temp = new TempDirectory();
        var path = temp.File("ticks.fxt");
        TickFileWriter.Write(path, "EURUSD", RandomTicks(10_000, false), chunkTicks: 1000);
        var layout = TickFileLayout.For(10_000, false, 1000);
        var bytes = File.ReadAllBytes(path);
        bytes[layout.BidsOffset + (5500 * 8) + 3] ^= 0x10; // a bid in chunk 5
        File.WriteAllBytes(path, bytes);

        using var file = TickFile.Open(path);
        var untouched = file.Bids(0, 5000).Length; // chunks 0-4 are fine
        var ex = Assert.Throws<StoreCorruptException>(() => file.Bids(5000, 6000).ToArray());
        Assert.Equal(5000, untouched);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("chunk 5", ex.Message, StringComparison.Ordinal);
        Assert.Throws<StoreCorruptException>(file.VerifyAll);
    }

    [Fact]
    public void A_truncated_file_is_refused_on_open()
    {
        using var temp = new TempDirectory();
        var path = temp.File("ticks.fxt");
        TickFileWriter.Write(path, "EURUSD", RandomTicks(1000, false));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);

        var ex = Assert.Throws<StoreCorruptException>(() => TickFile.Open(path));
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);

        File.WriteAllBytes(path, bytes[..50]);
        Assert.Throws<StoreCorruptException>(() => TickFile.Open(path));
    }

    [Fact]
    public void A_damaged_header_or_foreign_file_is_refused_on_open()
    {
        using var temp = new TempDirectory();
        var path = temp.File("ticks.fxt");
        TickFileWriter.Write(path, "EURUSD", RandomTicks(100, false));
        var bytes = File.ReadAllBytes(path);
        bytes[20] ^= 1; // the tick count
        File.WriteAllBytes(path, bytes);
        Assert.Contains("header checksum", Assert.Throws<StoreCorruptException>(() => TickFile.Open(path)).Message, StringComparison.Ordinal);

        File.WriteAllBytes(path, new byte[4096]);
        Assert.Contains("magic", Assert.Throws<StoreCorruptException>(() => TickFile.Open(path)).Message, StringComparison.Ordinal);
    }
}
