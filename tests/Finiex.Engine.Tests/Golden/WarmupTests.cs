using Finiex.Contracts.Packages;
using Finiex.Sdk.Time;

namespace Finiex.Engine.Tests.Golden;

/// <summary>SEMANTICS §3 end to end: exactly the last W bars ending at or before the start, nothing of the start's bucket before it.</summary>
public sealed class WarmupTests
{
    private static string Set(string start, string extra = "") => $$"""
        {
          "name": "warmup",
          "defaults": {
            "strategy": {
              "workers": {
                "rsi": { "type": "rsi", "timeframe": "M5", "params": { "period": 14 } },
                "band": { "type": "envelope", "timeframe": "M30", "params": { "period": 20 } }
              },
              "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
            },
            "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}" }
          },
          "scenarios": [ { "name": "w", "symbol": "EURUSD", "start": "{{start}}", "max_ticks": 5000 {{extra}} } ]
        }
        """;

    [Fact]
    public void The_package_holds_exactly_the_last_w_bars_before_the_start()
    {
        var (package, _) = EngineRun.Run(EngineRun.Load(Set("2014-05-06T00:10:00Z"), EngineRun.SampleStore), EngineRun.SampleStore).Single();

        var m5 = package.WarmupBars.Single(b => b.Timeframe == "M5");
        var m30 = package.WarmupBars.Single(b => b.Timeframe == "M30");
        Assert.Equal(42, m5.Count);
        Assert.Equal(20, m30.Count);
        var start = UtcTime.FromDate(new DateOnly(2014, 5, 6)) + (10 * 60_000);
        Assert.Equal(start - 300_000, m5.Starts[^1]); // the 00:05 bar ends at 00:10, the start: included
        Assert.Equal(UtcTime.FromDate(new DateOnly(2014, 5, 5)) + (23 * 3_600_000) + (30 * 60_000), m30.Starts[^1]); // 23:30; the 00:00 bucket holds the start
        AssertMatchesRawTicks(m5, Timeframe.M5, start);
        AssertMatchesRawTicks(m30, Timeframe.M30, start);
    }

    [Fact]
    public void Ticks_of_the_start_bucket_before_the_start_belong_to_no_bar()
    {
        var report = EngineRun.Load(Set("2014-05-06T00:10:00Z"), EngineRun.SampleStore);
        var (package, result) = EngineRun.Run(report, EngineRun.SampleStore, new RunOptions { TraceBars = true }).Single();

        var m30 = result.BarTraces.Single(t => t.Timeframe == "M30").Bars;
        using var file = EngineRun.SampleStore.OpenTicks("EURUSD");
        var first = (int)package.Ticks.StartIndex;
        var firstMid = (file.Bids(first, first + 1)[0] + file.Asks(first, first + 1)[0]) / 2;
        Assert.Equal(package.StartMs - (10 * 60_000), m30.Starts[0]); // the 00:00 bucket...
        Assert.Equal(firstMid, m30.Open[0]); // ...opens with the first tick at or after 00:10
    }

    [Fact]
    public void A_short_warmup_is_allowed_only_when_the_scenario_says_so_and_is_logged()
    {
        // The sample starts 2014-05-05 05:00: at 07:00 only 4 M30 bars exist.
        var invalid = new Scenarios.ScenarioSetLoader(Catalog.StrategyCatalog.CreateDefault(), EngineRun.SampleStore);
        var path = Path.Combine(Path.GetTempPath(), $"finiex-short-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Set("2014-05-05T07:00:00Z").Replace("{broker}", EngineRun.Broker, StringComparison.Ordinal));
        try
        {
            var report = invalid.Load(path);
            Assert.Contains(report.AllProblems(), p => p.Message.Contains("EURUSD M30 needs 20 bars", StringComparison.Ordinal) && p.Message.Contains("found 4", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }

        var allowed = EngineRun.Load(Set("2014-05-05T07:00:00Z", ", \"allow_short_warmup\": true"), EngineRun.SampleStore);
        var (package, result) = EngineRun.Run(allowed, EngineRun.SampleStore).Single();
        Assert.Equal(4, package.WarmupBars.Single(b => b.Timeframe == "M30").Count);
        Assert.Contains(result.Log, l => l.Level == "WARN" && l.Message.Contains("needs 20 M30 warmup bars, 4 available", StringComparison.Ordinal));
    }

    private static void AssertMatchesRawTicks(BarColumns bars, Timeframe timeframe, long start)
    {
        using var file = EngineRun.SampleStore.OpenTicks("EURUSD");
        var times = file.Times(0, file.Count);
        var bids = file.Bids(0, file.Count);
        var asks = file.Asks(0, file.Count);
        for (var b = 0; b < bars.Count; b++)
        {
            var from = bars.Starts[b];
            var mids = new List<double>();
            for (var i = 0; i < times.Length && times[i] < from + timeframe.LengthMs; i++)
            {
                if (times[i] >= from)
                {
                    mids.Add((bids[i] + asks[i]) / 2);
                }
            }

            Assert.True(from + timeframe.LengthMs <= start);
            Assert.Equal((mids[0], mids.Max(), mids.Min(), mids[^1], mids.Count), (bars.Open[b], bars.High[b], bars.Low[b], bars.Close[b], bars.TickCounts[b]));
        }
    }
}
