using System.Text.Json;
using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using static Finiex.Data.Tests.Import.ImportHelpers;

namespace Finiex.Data.Tests.Import;

public sealed class FiniexJsonImportTests
{
    public static TheoryData<string> Files => new(Directory.GetFiles(TestPaths.Shared("finiex", "ticks"), "*_ticks.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_collector_file_imports_all_ticks_at_time_msc(string name)
    {
        using var temp = new TempDirectory();
        var path = TestPaths.Shared("finiex", "ticks", name);
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var ticks = json.RootElement.GetProperty("ticks").EnumerateArray().ToList();
        var offsetMs = (long)(json.RootElement.GetProperty("metadata").GetProperty("broker_utc_offset_hours").GetDouble() * 3_600_000);
        var store = new TickStore(temp.Path);

        var result = ImportInto(store, new FiniexJsonReader(), "SYM", path);

        Assert.True(result.Succeeded);
        var (times, bids, asks) = ReadAll(store, "SYM");
        var expected = ticks.Select(t => (Time: t.GetProperty("time_msc").GetInt64() - offsetMs, Bid: t.GetProperty("bid").GetDouble(), Ask: t.GetProperty("ask").GetDouble()))
            .OrderBy(t => t.Time).ToList();
        Assert.Equal(expected.Select(e => e.Time), times);
        Assert.Equal(expected.Select(e => e.Bid), bids);
        Assert.Equal(expected.Select(e => e.Ask), asks);
    }

    [Fact]
    public void The_broker_offset_is_subtracted_and_bad_ticks_are_reported_with_their_line()
    {
        using var temp = new TempDirectory();
        var path = temp.File("EURUSD_ticks.json");
        File.WriteAllText(path, """
            {
              "metadata": { "symbol": "EURUSD", "broker_utc_offset_hours": 2 },
              "ticks": [
                { "time_msc": 1760464586346, "bid": 1.15910, "ask": 1.15923 },
                { "time_msc": 1760464586400, "bid": "oops", "ask": 1.15923 },
                { "time_msc": 1760464586500, "bid": 1.15911, "ask": 0 }
              ]
            }
            """);
        var sink = new ImportSink(path, false);

        new FiniexJsonReader().Read(path, sink, CancellationToken.None);

        Assert.Equal(1, sink.Ticks.Count);
        Assert.Equal(1760464586346 - 7_200_000, sink.Ticks[0].Time);
        Assert.Equal(2, sink.InvalidCount);
        var quality = sink.Quality();
        Assert.Equal(1, quality.Invalid["missing or unparsable bid"]);
        Assert.Equal(1, quality.Invalid["ask not a finite positive price"]);
        Assert.Contains(quality.InvalidSamples, s => s.EndsWith(":5: missing or unparsable bid", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_json_names_the_file_and_line()
    {
        using var temp = new TempDirectory();
        var path = temp.File("broken.json");
        File.WriteAllText(path, "{\n  \"metadata\": {\"broker_utc_offset_hours\": 0},\n  \"ticks\": [ {\"time_msc\": 1, \n");

        var ex = Assert.Throws<ImportException>(() => new FiniexJsonReader().Read(path, new ImportSink(path, false), CancellationToken.None));
        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_broker_offset_is_refused()
    {
        using var temp = new TempDirectory();
        var path = temp.File("no_offset.json");
        File.WriteAllText(path, """{"metadata": {"symbol": "EURUSD"}, "ticks": []}""");

        var ex = Assert.Throws<ImportException>(() => new FiniexJsonReader().Read(path, new ImportSink(path, false), CancellationToken.None));
        Assert.Contains("broker_utc_offset_hours", ex.Message, StringComparison.Ordinal);
    }
}
