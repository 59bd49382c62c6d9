using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using static Finiex.Data.Tests.Import.ImportHelpers;

namespace Finiex.Data.Tests.Import;

public sealed class LeanImportTests
{
    private static readonly long May1Utc = new DateTimeOffset(2014, 5, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Fxcm_day_imports_every_row_shifted_from_utc_minus_5()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);
        var zip = TestPaths.FxcmEurUsd("20140501");
        var expected = LeanRows(zip);

        var result = ImportInto(store, new LeanZipReader(DataTimeZone.Parse("UTC-05")), "EURUSD", zip);

        Assert.True(result.Succeeded, result.FailureReason);
        var (times, bids, asks) = ReadAll(store, "EURUSD");
        Assert.Equal(expected.Count, times.Length);
        Assert.Equal(May1Utc + (5 * 3_600_000) + 1787, times[0]); // first row: 1787 ms after local midnight
        Assert.Equal(1.38727, bids[0]);
        Assert.Equal(1.38729, asks[0]);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(May1Utc + (5 * 3_600_000) + (long)expected[i].Ms, times[i]);
            Assert.Equal(expected[i].Bid, bids[i]);
            Assert.Equal(expected[i].Ask, asks[i]);
        }

        Assert.Equal(expected.Count(r => r.Ask < r.Bid), result.Quality.Crossed);
        Assert.True(result.Quality.Crossed > 0, "FXCM data has crossed quotes; they are counted and kept");
        Assert.Equal(0, result.Quality.InvalidTotal);
    }

    [Fact]
    public void Oanda_gold_fractional_milliseconds_are_floored_and_utc_is_kept()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);
        var zip = TestPaths.Shared("lean", "cfd", "oanda", "tick", "xauusd", "20140501_quote.zip");

        var result = ImportInto(store, new LeanZipReader(DataTimeZone.Utc), "XAUUSD", zip);

        Assert.True(result.Succeeded);
        var (times, bids, asks) = ReadAll(store, "XAUUSD");
        Assert.Equal(May1Utc + 43, times[0]); // "43.142"
        Assert.Equal(May1Utc + 45, times[1]); // "45.852"
        Assert.Equal(1291.677, bids[0]);
        Assert.Equal(1292.033, asks[0]);
        Assert.Equal(LeanRows(zip).Count, times.Length);
    }

    [Fact]
    public void Reimporting_the_same_files_adds_nothing()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);
        var reader = new LeanZipReader(DataTimeZone.Parse("UTC-05"));
        var first = ImportInto(store, reader, "EURUSD", TestPaths.FxcmEurUsd("20140504"), TestPaths.FxcmEurUsd("20140505"));

        var second = ImportInto(store, reader, "EURUSD", TestPaths.FxcmEurUsd("20140505"), TestPaths.FxcmEurUsd("20140504"));

        Assert.True(second.Succeeded);
        Assert.Equal(0, second.TicksAdded);
        Assert.All(second.Files, f => Assert.True(f.AlreadyImported));
        Assert.Equal(first.TicksInStore, store.ReadManifest("EURUSD").TickCount);
    }

    [Fact]
    public void Files_read_on_all_cores_give_the_store_that_one_file_at_a_time_gives()
    {
        // An IANA zone (daylight saving) exercises the per-hour offset cache that several reader threads share.
        var days = new[] { "20140501", "20140502", "20140504", "20140505", "20140506", "20140507", "20140508" };
        using var together = new TempDirectory();
        using var oneByOne = new TempDirectory();
        var zone = DataTimeZone.Parse("America/New_York");
        var all = ImportInto(new TickStore(together.Path), new LeanZipReader(zone), "EURUSD", [.. days.Select(TestPaths.FxcmEurUsd)]);
        var separate = new TickStore(oneByOne.Path);
        foreach (var day in days)
        {
            Assert.True(ImportInto(separate, new LeanZipReader(zone), "EURUSD", TestPaths.FxcmEurUsd(day)).Succeeded);
        }

        Assert.True(all.Succeeded, all.FailureReason);
        Assert.Equal(days.Select(TestPaths.FxcmEurUsd).Select(Path.GetFullPath), all.Files.Select(f => f.Path)); // outcomes in file order
        var (expectedTimes, expectedBids, expectedAsks) = ReadAll(separate, "EURUSD");
        var (times, bids, asks) = ReadAll(new TickStore(together.Path), "EURUSD");
        Assert.Equal(expectedTimes, times);
        Assert.Equal(expectedBids, bids);
        Assert.Equal(expectedAsks, asks);
        Assert.Equal(May1Utc + (4 * 3_600_000) + 1787, times[0]); // EDT is UTC-04 in May
    }

    [Fact]
    public void Importing_more_days_later_merges_in_time_order()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);
        var reader = new LeanZipReader(DataTimeZone.Parse("UTC-05"));
        ImportInto(store, reader, "EURUSD", TestPaths.FxcmEurUsd("20140506"));
        var result = ImportInto(store, reader, "EURUSD", TestPaths.FxcmEurUsd("20140505"), TestPaths.FxcmEurUsd("20140506"));

        Assert.Single(result.Files, f => f.AlreadyImported);
        var (times, _, _) = ReadAll(store, "EURUSD");
        Assert.Equal(LeanRows(TestPaths.FxcmEurUsd("20140505")).Count + LeanRows(TestPaths.FxcmEurUsd("20140506")).Count, times.Length);
        Assert.True(times.AsSpan().SequenceEqual(times.Order().ToArray()));
        Assert.Equal(2, store.ReadManifest("EURUSD").Sources.Length);
    }

    [Fact]
    public void Another_feed_over_the_same_span_is_refused_unless_replace()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);
        ImportInto(store, new LeanZipReader(DataTimeZone.Parse("UTC-05")), "EURUSD", TestPaths.FxcmEurUsd("20140506"));
        var oanda = TestPaths.Shared("lean", "forex", "oanda", "tick", "eurusd", "20140506_quote.zip");

        var ex = Assert.Throws<ImportException>(() => ImportInto(store, new LeanZipReader(DataTimeZone.Utc), "EURUSD", oanda));
        Assert.Contains("overlap", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--replace", ex.Message, StringComparison.Ordinal);

        var replaced = new TickImporter(store).Import(new ImportRequest
        {
            Symbol = "EURUSD", Paths = [oanda], Reader = new LeanZipReader(DataTimeZone.Utc), Replace = true,
        });
        Assert.True(replaced.TicksReplaced > 0);
        Assert.Equal(LeanRows(oanda).Count + (LeanRows(TestPaths.FxcmEurUsd("20140506")).Count - replaced.TicksReplaced), replaced.TicksInStore);
    }

    [Fact]
    public void Drop_crossed_removes_exactly_the_crossed_quotes()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);
        var zip = TestPaths.FxcmEurUsd("20140501");
        var result = new TickImporter(store).Import(new ImportRequest
        {
            Symbol = "EURUSD", Paths = [zip], Reader = new LeanZipReader(DataTimeZone.Parse("UTC-05")), DropCrossed = true,
        });

        var rows = LeanRows(zip);
        Assert.Equal(rows.Count(r => r.Ask < r.Bid), result.Quality.CrossedDropped);
        var (_, bids, asks) = ReadAll(store, "EURUSD");
        Assert.Equal(rows.Count(r => r.Ask >= r.Bid), bids.Length);
        Assert.All(Enumerable.Range(0, bids.Length), i => Assert.True(asks[i] >= bids[i]));
    }

    [Fact]
    public void A_file_without_a_date_in_its_name_is_refused_with_the_reason()
    {
        using var temp = new TempDirectory();
        var renamed = temp.File("eurusd.zip");
        File.Copy(TestPaths.FxcmEurUsd("20140501"), renamed);

        var ex = Assert.Throws<ImportException>(() => ImportInto(new TickStore(temp.File("store")), new LeanZipReader(DataTimeZone.Utc), "EURUSD", renamed));
        Assert.Contains("YYYYMMDD_quote.zip", ex.Message, StringComparison.Ordinal);
    }
}
