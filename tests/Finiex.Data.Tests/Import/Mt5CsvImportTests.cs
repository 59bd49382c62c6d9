using System.Globalization;
using System.Text;
using System.Text.Json;
using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using static Finiex.Data.Tests.Import.ImportHelpers;

namespace Finiex.Data.Tests.Import;

/// <summary>
/// No MT5 tick export ships in ../shared/data, so the tests write one, in MT5's own shape (UTF-16 with BOM,
/// tab-separated, empty bid/ask when unchanged), from the real EURUSD collector ticks, and check both imports agree.
/// </summary>
public sealed class Mt5CsvImportTests
{
    private static readonly string CollectorFile = TestPaths.Shared("finiex", "ticks", "EURUSD_20251014_175625_ticks.json");

    private static string WriteExport(TempDirectory temp, int brokerOffsetHours)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(CollectorFile));
        var builder = new StringBuilder("<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\r\n");
        double? lastBid = null, lastAsk = null;
        var row = 0;
        foreach (var tick in json.RootElement.GetProperty("ticks").EnumerateArray())
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds(tick.GetProperty("time_msc").GetInt64()).AddHours(brokerOffsetHours);
            var bid = tick.GetProperty("bid").GetDouble();
            var ask = tick.GetProperty("ask").GetDouble();
            var bidText = lastBid == bid ? "" : bid.ToString("F5", CultureInfo.InvariantCulture);
            var askText = lastAsk == ask ? "" : ask.ToString("F5", CultureInfo.InvariantCulture);
            if (bidText.Length == 0 && askText.Length == 0)
            {
                bidText = bid.ToString("F5", CultureInfo.InvariantCulture); // MT5 writes a row only when something changed
            }

            builder.Append(CultureInfo.InvariantCulture, $"{time:yyyy.MM.dd}\t{time:HH:mm:ss.fff}\t{bidText}\t{askText}\t\t\t6\r\n");
            if (++row == 10)
            {
                builder.Append(CultureInfo.InvariantCulture, $"{time:yyyy.MM.dd}\t{time:HH:mm:ss.fff}\t\t\t1.15900\t1.00\t88\r\n"); // a last-price row
            }

            (lastBid, lastAsk) = (bid, ask);
        }

        var path = temp.File("EURUSD_export.csv");
        File.WriteAllText(path, builder.ToString(), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        return path;
    }

    [Fact]
    public void An_mt5_export_carries_empty_fields_forward_and_matches_the_collector_ticks()
    {
        using var temp = new TempDirectory();
        var export = WriteExport(temp, brokerOffsetHours: 3);
        var store = new TickStore(temp.File("store"));

        var fromExport = ImportInto(store, new Mt5CsvReader(DataTimeZone.Parse("+03:00")), "MT5", export);
        ImportInto(store, new FiniexJsonReader(), "JSON", CollectorFile);

        Assert.True(fromExport.Succeeded);
        Assert.Equal(1, fromExport.Quality.Skipped);
        Assert.Equal(0, fromExport.Quality.InvalidTotal);
        var mt5 = ReadAll(store, "MT5");
        var json = ReadAll(store, "JSON");
        Assert.Equal(json.Times, mt5.Times);
        Assert.Equal(json.Bids, mt5.Bids);
        Assert.Equal(json.Asks, mt5.Asks);
    }

    [Fact]
    public void A_first_row_with_an_empty_field_has_nothing_to_carry_and_is_invalid()
    {
        using var temp = new TempDirectory();
        var path = temp.File("export.csv");
        File.WriteAllText(path, "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\n2025.10.14\t17:56:26.346\t1.15910\t\t\t\t2\n2025.10.14\t17:56:26.400\t\t1.15920\t\t\t4\n");
        var sink = new ImportSink(path, false);

        new Mt5CsvReader(DataTimeZone.Utc).Read(path, sink, CancellationToken.None);

        Assert.Equal(1, sink.InvalidCount);
        Assert.Equal(1, sink.Ticks.Count);
        Assert.Equal((1.15910, 1.15920), (sink.Ticks[0].Bid, sink.Ticks[0].Ask));
    }

    [Fact]
    public void A_file_without_the_mt5_header_is_refused()
    {
        using var temp = new TempDirectory();
        var path = temp.File("export.csv");
        File.WriteAllText(path, "time,bid,ask\n1,2,3\n");

        var ex = Assert.Throws<ImportException>(() => new Mt5CsvReader(DataTimeZone.Utc).Read(path, new ImportSink(path, false), CancellationToken.None));
        Assert.Contains("<DATE>", ex.Message, StringComparison.Ordinal);
    }
}
