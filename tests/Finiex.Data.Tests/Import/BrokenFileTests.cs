using System.IO.Compression;
using System.Text;
using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using static Finiex.Data.Tests.Import.ImportHelpers;

namespace Finiex.Data.Tests.Import;

public sealed class BrokenFileTests
{
    private static string LeanZip(TempDirectory temp, string day, IEnumerable<string> lines)
    {
        var path = temp.File($"{day}_quote.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry($"{day}_eurusd_tick_quote.csv").Open(), new UTF8Encoding(false));
        foreach (var line in lines)
        {
            writer.Write(line + "\n");
        }

        return path;
    }

    [Fact]
    public void Invalid_rows_are_counted_by_reason_with_file_and_line_and_never_stored()
    {
        using var temp = new TempDirectory();
        var lines = Enumerable.Range(0, 1000).Select(i => $"{i * 10},1.1000{i % 10},1.1001{i % 10}").ToList();
        lines[10] = "abc,1.1,1.2";
        lines[20] = "200,-1.1,1.2";
        lines[30] = "300,1.1,NaN";
        lines[40] = "400,1.1";
        var zip = LeanZip(temp, "20140506", lines);
        var store = new TickStore(temp.File("store"));

        var result = new TickImporter(store).Import(new ImportRequest { Symbol = "EURUSD", Paths = [zip], Reader = new LeanZipReader(DataTimeZone.Utc) });

        Assert.True(result.Succeeded); // 4 of 1000 = 0.4% is under the 1% threshold
        Assert.Equal(4, result.Quality.InvalidTotal);
        Assert.Equal(1, result.Quality.Invalid["unparsable or out-of-range time"]);
        Assert.Equal(1, result.Quality.Invalid["bid not a finite positive price"]);
        Assert.Equal(1, result.Quality.Invalid["ask not a finite positive price"]);
        Assert.Equal(1, result.Quality.Invalid["unparsable ask"]);
        Assert.Contains(result.Quality.InvalidSamples, s => s.EndsWith("20140506_quote.zip:11: unparsable or out-of-range time", StringComparison.Ordinal));
        Assert.Contains(result.Quality.InvalidSamples, s => s.Contains(":21: bid not a finite positive price", StringComparison.Ordinal));
        Assert.Equal(996, store.ReadManifest("EURUSD").TickCount);
    }

    [Fact]
    public void An_import_over_the_invalid_threshold_fails_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var lines = Enumerable.Range(0, 100).Select(i => i < 5 ? "garbage" : $"{i * 10},1.1,1.2");
        var zip = LeanZip(temp, "20140506", lines);
        var store = new TickStore(temp.File("store"));

        var result = new TickImporter(store).Import(new ImportRequest { Symbol = "EURUSD", Paths = [zip], Reader = new LeanZipReader(DataTimeZone.Utc) });

        Assert.False(result.Succeeded);
        Assert.Contains("5 of 100 rows are invalid", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("nothing was written", result.FailureReason, StringComparison.Ordinal);
        Assert.False(store.Contains("EURUSD"));
        Assert.False(Directory.Exists(store.SymbolDirectory("EURUSD")));
    }

    [Fact]
    public void A_failed_import_leaves_an_existing_symbol_untouched()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.File("store"));
        ImportInto(store, new LeanZipReader(DataTimeZone.Parse("UTC-05")), "EURUSD", TestPaths.FxcmEurUsd("20140504"));
        var before = File.ReadAllBytes(store.TickFilePath("EURUSD"));
        var bad = LeanZip(temp, "20140510", Enumerable.Repeat("x,y,z", 50));

        var result = new TickImporter(store).Import(new ImportRequest { Symbol = "EURUSD", Paths = [bad], Reader = new LeanZipReader(DataTimeZone.Utc) });

        Assert.False(result.Succeeded);
        Assert.Equal(before, File.ReadAllBytes(store.TickFilePath("EURUSD")));
    }

    [Fact]
    public void Out_of_order_rows_are_sorted_stably_and_counted_and_duplicates_kept()
    {
        using var temp = new TempDirectory();
        var csv = temp.File("ticks.csv");
        File.WriteAllLines(csv,
        [
            "time,bid,ask",
            "1000,1.1,1.2",
            "3000,1.3,1.4",
            "2000,1.5,1.6", // out of order
            "2000,1.5,1.6", // exact duplicate, also out of order
            "3000,1.7,1.8", // same time as row 2, must stay after it
        ]);
        var store = new TickStore(temp.File("store"));

        var result = ImportInto(store, new GenericCsvReader(new CsvColumns { TimeFormat = "epoch-ms" }, DataTimeZone.Utc), "TEST", csv);

        Assert.Equal(2, result.Quality.OutOfOrderMoved);
        Assert.Equal(1, result.Quality.Duplicates);
        var (times, bids, _) = ReadAll(store, "TEST");
        Assert.Equal([1000, 2000, 2000, 3000, 3000], times);
        Assert.Equal([1.1, 1.5, 1.5, 1.3, 1.7], bids);
    }

    [Fact]
    public void A_corrupt_zip_names_the_file()
    {
        using var temp = new TempDirectory();
        var path = temp.File("20140506_quote.zip");
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("this is not a zip file at all"));

        var ex = Assert.Throws<ImportException>(() => ImportInto(new TickStore(temp.File("store")), new LeanZipReader(DataTimeZone.Utc), "EURUSD", path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_reported()
    {
        var ex = Assert.Throws<ImportException>(() =>
            TickImporter.ExpandPaths(["/no/such/place"], new LeanZipReader(DataTimeZone.Utc)));
        Assert.Contains("/no/such/place", ex.Message, StringComparison.Ordinal);
    }
}
