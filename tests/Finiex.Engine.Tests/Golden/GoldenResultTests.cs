using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using Finiex.Tests.Shared;

namespace Finiex.Engine.Tests.Golden;

/// <summary>Pinned results: a change of any statistic or trade must be a deliberate, explained commit.</summary>
public sealed class GoldenResultTests
{
    [Fact]
    public void The_example_set_on_the_sample_data()
    {
        var report = new Scenarios.ScenarioSetLoader(Catalog.StrategyCatalog.CreateDefault(), EngineRun.SampleStore)
            .Load(Path.Combine(RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json"));
        var results = EngineRun.Run(report, EngineRun.SampleStore).Select(r => r.Result).ToList();

        Assert.Equal(7, results.Count);
        GoldenFile.Check("eurusd_example", results);
    }

    [Fact]
    public void A_week_of_fxcm_eurusd_from_the_shared_data()
    {
        var storePath = Path.Combine(Path.GetTempPath(), "finiex-golden-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new TickStore(storePath);
            var result = new TickImporter(store).Import(new ImportRequest
            {
                Symbol = "EURUSD",
                Paths = [Path.Combine(RepoPaths.TestData, "lean", "forex", "fxcm", "tick", "eurusd")],
                Reader = new LeanZipReader(DataTimeZone.Parse("UTC-05")),
            });
            Assert.Equal(1_144_807, result.TicksInStore);
            var report = EngineRun.Load("""
                {
                  "name": "fxcm_week",
                  "defaults": {
                    "strategy": {
                      "workers": {
                        "rsi": { "type": "rsi", "timeframe": "M5", "params": { "period": 14 } },
                        "band": { "type": "bollinger", "timeframe": "M30", "params": { "period": 20, "k": 2 } }
                      },
                      "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
                    },
                    "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}", "commission_per_lot": 2.5,
                                 "latency_ticks": { "min": 1, "max": 3 }, "stop_loss_points": 300, "take_profit_points": 450 }
                  },
                  "scenarios": [ { "name": "eurusd_may12_16", "symbol": "EURUSD", "start": "2014-05-12T00:00:00Z", "end": "2014-05-16T00:00:00Z" } ]
                }
                """, store);
            var run = EngineRun.Run(report, store).Single();

            Assert.True(run.Result.Statistics!.TicksProcessed > 300_000);
            Assert.True(run.Result.Statistics.Swaps != 0, "positions held overnight pay swap");
            GoldenFile.Check("fxcm_week", [run.Result]);
        }
        finally
        {
            Directory.Delete(storePath, recursive: true);
        }
    }
}
