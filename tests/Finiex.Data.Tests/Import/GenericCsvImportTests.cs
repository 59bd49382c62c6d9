using System.Globalization;
using System.Text;
using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using static Finiex.Data.Tests.Import.ImportHelpers;

namespace Finiex.Data.Tests.Import;

/// <summary>The generic importer, fed the real FXCM day rewritten in several CSV dialects, must match the LEAN import.</summary>
public sealed class GenericCsvImportTests
{
    private static (long[] Times, double[] Bids, double[] Asks) LeanReference(TempDirectory temp)
    {
        var store = new TickStore(temp.File("reference"));
        ImportInto(store, new LeanZipReader(DataTimeZone.Parse("UTC-05")), "REF", TestPaths.FxcmEurUsd("20140505"));
        return ReadAll(store, "REF");
    }

    private static string Write(TempDirectory temp, string header, Func<long, double, double, string> row, (long[] Times, double[] Bids, double[] Asks) ticks)
    {
        var path = temp.File(Guid.NewGuid().ToString("N") + ".csv");
        var builder = new StringBuilder(header).Append('\n');
        for (var i = 0; i < ticks.Times.Length; i++)
        {
            builder.Append(row(ticks.Times[i], ticks.Bids[i], ticks.Asks[i])).Append('\n');
        }

        File.WriteAllText(path, builder.ToString());
        return path;
    }

    private static string Price(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static TheoryData<string> Dialects => ["iso-utc", "iso-offset", "epoch-ms", "pattern-local"];

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Each_time_format_reproduces_the_lean_import(string dialect)
    {
        using var temp = new TempDirectory();
        var reference = LeanReference(temp);
        string path;
        CsvColumns columns;
        var zone = DataTimeZone.Utc;
        switch (dialect)
        {
            case "iso-utc":
                path = Write(temp, "Time,Bid,Ask", (t, b, a) => $"{DateTimeOffset.FromUnixTimeMilliseconds(t):yyyy-MM-ddTHH:mm:ss.fffZ},{Price(b)},{Price(a)}", reference);
                columns = new CsvColumns { Time = "Time", Bid = "Bid", Ask = "Ask" };
                break;
            case "iso-offset":
                path = Write(temp, "ts;b;a", (t, b, a) => $"{DateTimeOffset.FromUnixTimeMilliseconds(t).ToOffset(TimeSpan.FromHours(-5)):yyyy-MM-ddTHH:mm:ss.fffzzz};{Price(b)};{Price(a)}", reference);
                columns = new CsvColumns { Time = "ts", Bid = "b", Ask = "a", Delimiter = ';' };
                break;
            case "epoch-ms":
                path = Write(temp, "time,bid,ask", (t, b, a) => $"{t},{Price(b)},{Price(a)}", reference);
                columns = new CsvColumns { TimeFormat = "epoch-ms" };
                break;
            default:
                path = Write(temp, "when,bid,ask", (t, b, a) => $"{DateTimeOffset.FromUnixTimeMilliseconds(t).AddHours(2):yyyyMMdd HHmmssfff},{Price(b)},{Price(a)}", reference);
                columns = new CsvColumns { Time = "when", TimeFormat = "yyyyMMdd HHmmssfff" };
                zone = DataTimeZone.Parse("+02:00");
                break;
        }

        var store = new TickStore(temp.File("store"));
        var result = ImportInto(store, new GenericCsvReader(columns, zone), "CSV", path);

        Assert.True(result.Succeeded, result.FailureReason);
        var imported = ReadAll(store, "CSV");
        Assert.Equal(reference.Times, imported.Times);
        Assert.Equal(reference.Bids, imported.Bids);
        Assert.Equal(reference.Asks, imported.Asks);
    }

    [Fact]
    public void A_missing_column_is_named_with_the_columns_the_file_has()
    {
        using var temp = new TempDirectory();
        var path = temp.File("t.csv");
        File.WriteAllText(path, "stamp,bid,ask\n1,2,3\n");

        var ex = Assert.Throws<ImportException>(() => new GenericCsvReader(new CsvColumns(), DataTimeZone.Utc).Read(path, new ImportSink(path, false), CancellationToken.None));
        Assert.Contains("'time'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("stamp, bid, ask", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Volume_columns_are_stored_when_named()
    {
        using var temp = new TempDirectory();
        var path = temp.File("t.csv");
        File.WriteAllText(path, "time,bid,ask,bv,av\n1000,1.1,1.2,3.5,4.5\n2000,1.1,1.2,1,2\n");
        var store = new TickStore(temp.File("store"));

        ImportInto(store, new GenericCsvReader(new CsvColumns { TimeFormat = "epoch-ms", BidVolume = "bv", AskVolume = "av" }, DataTimeZone.Utc), "V", path);

        using var file = store.OpenTicks("V");
        Assert.Equal([3.5, 1], file.BidVolumes(0, 2).ToArray());
        Assert.Equal([4.5, 2], file.AskVolumes(0, 2).ToArray());
    }
}
