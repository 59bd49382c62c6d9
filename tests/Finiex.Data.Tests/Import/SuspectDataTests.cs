using System.IO.Compression;
using System.Text;
using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using static Finiex.Data.Tests.Import.ImportHelpers;

namespace Finiex.Data.Tests.Import;

/// <summary>Damaged archives fail their file; absurd prices are flagged as outliers with file and line, kept unless dropped.</summary>
public sealed class SuspectDataTests
{
    [Fact]
    public void A_zip_with_a_damaged_byte_fails_its_crc_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var path = temp.File("20140506_quote.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("20140506_eurusd_tick_quote.csv", CompressionLevel.NoCompression).Open(), new UTF8Encoding(false)))
        {
            foreach (var i in Enumerable.Range(0, 200))
            {
                writer.Write($"{i * 1000},1.3900{i % 10},1.3901{i % 10}\n");
            }
        }

        var bytes = File.ReadAllBytes(path);
        var row = Encoding.ASCII.GetBytes("50000,1.39000");
        var at = bytes.AsSpan().IndexOf(row);
        bytes[at + row.Length - 5] = (byte)'4'; // 1.39000 -> 1.49000: a plausible row, wrong, stored uncompressed so it inflates fine
        File.WriteAllBytes(path, bytes);
        var store = new TickStore(temp.File("store"));

        var ex = Assert.Throws<ImportException>(() => ImportInto(store, new LeanZipReader(DataTimeZone.Utc), "EURUSD", path));

        Assert.Contains("CRC-32", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.False(store.Contains("EURUSD"));
    }

    private static string Csv(TempDirectory temp, params (int Line, string Bid, string Ask)[] bad)
    {
        var lines = Enumerable.Range(0, 500).Select(i => $"{1_000 + (i * 1_000)},1.3900{i % 10},1.3902{i % 10}").ToList();
        foreach (var (line, bid, ask) in bad)
        {
            lines[line - 2] = $"{1_000 + ((line - 2) * 1_000)},{bid},{ask}"; // line numbers count the header as line 1
        }

        var path = temp.File("ticks.csv");
        File.WriteAllLines(path, ["time,bid,ask", .. lines]);
        return path;
    }

    private static ImportResult ImportCsv(TickStore store, string path, bool drop) => new TickImporter(store).Import(new ImportRequest
    {
        Symbol = "EURUSD",
        Paths = [path],
        Reader = new GenericCsvReader(new CsvColumns { Time = "time", Bid = "bid", Ask = "ask", TimeFormat = "epoch-ms" }, DataTimeZone.Utc),
        DropOutliers = drop,
    });

    [Fact]
    public void Absurd_prices_are_flagged_with_file_and_line_and_kept()
    {
        using var temp = new TempDirectory();
        var path = Csv(temp, (100, "13.8", "13.8002"), (200, "1e308", "1e308"), (300, "1.39", "13.9"));
        var store = new TickStore(temp.File("store"));

        var result = ImportCsv(store, path, drop: false);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(3, result.Quality.Outliers);
        Assert.Equal(0, result.Quality.OutliersDropped);
        Assert.Contains(result.Quality.OutlierSamples, s => s.Contains("ticks.csv:100: bid 13.8", StringComparison.Ordinal));
        Assert.Contains(result.Quality.OutlierSamples, s => s.Contains("ticks.csv:200: bid 1E+308", StringComparison.Ordinal));
        Assert.Equal(500, store.ReadManifest("EURUSD").TickCount); // kept (SEMANTICS §1)
        Assert.Equal(3, store.ReadManifest("EURUSD").Quality.Outliers); // counted in the store's quality record
    }

    [Fact]
    public void Drop_outliers_removes_them_and_says_how_many()
    {
        using var temp = new TempDirectory();
        var path = Csv(temp, (100, "13.8", "13.8002"), (200, "1e308", "1e308"));
        var store = new TickStore(temp.File("store"));

        var result = ImportCsv(store, path, drop: true);

        Assert.Equal(2, result.Quality.OutliersDropped);
        Assert.Equal(498, store.ReadManifest("EURUSD").TickCount);
        var (_, bids, _) = ReadAll(store, "EURUSD");
        Assert.All(bids, b => Assert.InRange(b, 1.38, 1.40));
    }

    [Theory]
    [InlineData("lean", "20140508")] // the busiest FXCM EURUSD day of the test data
    [InlineData("lean", "20140506")]
    [InlineData("finiex-json", "BTCUSD_20260307_090342_ticks.json")]
    [InlineData("finiex-json", "ETHUSD_20260307_090431_ticks.json")]
    public void Real_data_has_no_outliers(string format, string file)
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.File("store"));
        var result = format == "lean"
            ? ImportInto(store, new LeanZipReader(DataTimeZone.Parse("UTC-05")), "EURUSD", TestPaths.FxcmEurUsd(file))
            : ImportInto(store, new FiniexJsonReader(), "X", TestPaths.Shared("finiex", "ticks", file));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(0, result.Quality.Outliers);
    }

    [Fact]
    public void The_detector_judges_against_the_median_and_does_not_learn_outliers()
    {
        var detector = new PriceOutlierDetector();
        for (var i = 0; i < PriceOutlierDetector.MinimumHistory; i++)
        {
            Assert.False(detector.IsOutlier(1.39 + (i * 0.0001)));
        }

        Assert.True(detector.IsOutlier(2.79)); // just beyond 2x
        Assert.True(detector.IsOutlier(0.69)); // just below 1/2
        Assert.False(detector.IsOutlier(1.80)); // a 30 % jump: suspicious, but not absurd
        Assert.True(detector.IsOutlier(1e308));
        Assert.False(detector.IsOutlier(1.3905)); // the reference did not move to the outliers
    }
}
