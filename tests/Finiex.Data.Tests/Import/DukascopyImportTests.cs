using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using static Finiex.Data.Tests.Import.ImportHelpers;

namespace Finiex.Data.Tests.Import;

public sealed class DukascopyImportTests
{
    private static string Folder => TestPaths.Shared("dukascopy", "EURUSD");

    [Fact]
    public void Two_days_of_hour_files_import_every_tick_in_utc_from_the_zero_based_month_path()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);

        var result = ImportInto(store, new DukascopyBi5Reader(0.00001), "EURUSD", Folder);

        Assert.True(result.Succeeded);
        Assert.Equal(48, result.Files.Count); // the candle files in the folder are not tick files
        Assert.Equal(266_219, result.TicksInStore); // the count the data's README gives
        using var file = store.OpenTicks("EURUSD");
        Assert.True(file.HasVolumes);
        var feb4 = new DateTimeOffset(2019, 2, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.InRange(file.FirstTime, feb4, feb4 + 3_600_000);
        Assert.InRange(file.LastTime, feb4 + (47 * 3_600_000L), feb4 + (48 * 3_600_000L));
        var bids = file.Bids(0, file.Count);
        var asks = file.Asks(0, file.Count);
        for (var i = 0; i < bids.Length; i++)
        {
            Assert.InRange(bids[i], 1.13, 1.16);
            Assert.True(asks[i] >= bids[i]);
            // Prices are exact 5-digit decimals, as if parsed from text.
            Assert.Equal(bids[i], double.Parse(bids[i].ToString("F5", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Contains(file.BidVolumes(0, file.Count).ToArray(), v => v > 0);
    }

    [Fact]
    public void A_corrupt_bi5_file_is_reported_with_its_path()
    {
        using var temp = new TempDirectory();
        var hour = Path.Combine(temp.Path, "EURUSD", "2019", "01", "04", "00h_ticks.bi5");
        Directory.CreateDirectory(Path.GetDirectoryName(hour)!);
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "2019", "01", "04", "10h_ticks.bi5"));
        File.WriteAllBytes(hour, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<ImportException>(() => ImportInto(new TickStore(temp.File("store")), new DukascopyBi5Reader(0.00001), "EURUSD", hour));
        Assert.Contains(hour, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_hour_file_means_no_ticks()
    {
        using var temp = new TempDirectory();
        var hour = Path.Combine(temp.Path, "EURUSD", "2019", "01", "04", "03h_ticks.bi5");
        Directory.CreateDirectory(Path.GetDirectoryName(hour)!);
        File.WriteAllBytes(hour, []);
        var sink = new ImportSink(hour, true);

        new DukascopyBi5Reader(0.00001).Read(hour, sink, CancellationToken.None);

        Assert.Equal(0, sink.Ticks.Count);
    }

    [Fact]
    public void Jpy_pairs_default_to_three_digit_points() =>
        Assert.Equal(0.001, DukascopyBi5Reader.DefaultPoint("USDJPY"));
}
