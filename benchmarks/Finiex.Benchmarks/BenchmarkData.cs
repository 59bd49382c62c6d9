using Finiex.Contracts.Packages;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Orchestration.Preparation;
using Finiex.Scenarios;

namespace Finiex.Benchmarks;

/// <summary>
/// The reference scenario of the issues: rsi 14 (wilder) on M5 + envelope 20 on M30 + aggressive_trend, on one day of
/// real FXCM EURUSD ticks (2014-05-06, 99,897 ticks) from the sample store shipped in data/store.
/// </summary>
public static class BenchmarkData
{
    public const int ReferenceTicks = 99_897;

    public static string RepoRoot => Finiex.Tests.Shared.RepoPaths.Root;

    public static TickStore Store { get; } = new(Path.Combine(RepoRoot, "data", "store"));

    public static void ExpectReferenceTicks(ProcessDataPackage package)
    {
        if (package.Ticks.Count != ReferenceTicks)
        {
            throw new InvalidOperationException($"Expected {ReferenceTicks} ticks, the package has {package.Ticks.Count}: has data/store changed?");
        }
    }

    /// <summary>The reference day's ticks as arrays (time, bid, ask, mid).</summary>
    public static (long[] Times, double[] Bids, double[] Asks, double[] Mids) ReferenceTicksArrays()
    {
        var package = ReferencePackage(profiling: false);
        ExpectReferenceTicks(package);
        using var file = TickFile.Open(package.Ticks.TickFilePath!);
        var (start, end) = (package.Ticks.StartIndex, package.Ticks.EndIndex);
        var bids = file.Bids(start, end).ToArray();
        var asks = file.Asks(start, end).ToArray();
        var mids = new double[bids.Length];
        for (var i = 0; i < mids.Length; i++)
        {
            mids[i] = (bids[i] + asks[i]) / 2;
        }

        return (file.Times(start, end).ToArray(), bids, asks, mids);
    }

    public static ProcessDataPackage ReferencePackage(bool profiling)
    {
        var set = Path.Combine(Path.GetTempPath(), $"finiex-bench-{Guid.NewGuid():N}.json");
        File.WriteAllText(set, $$"""
            {
              "name": "reference",
              "defaults": {
                "strategy": {
                  "workers": {
                    "rsi": { "type": "rsi", "timeframe": "M5", "params": { "period": 14, "smoothing": "wilder" } },
                    "band": { "type": "envelope", "timeframe": "M30", "params": { "period": 20, "deviation_pct": 0.1 } }
                  },
                  "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
                },
                "account": { "initial_balance": 10000, "currency": "USD", "broker": "{{Path.Combine(RepoRoot, "configs", "brokers", "vantage_demo.json").Replace("\\", "\\\\", StringComparison.Ordinal)}}",
                             "latency_ticks": { "min": 1, "max": 3 } }
              },
              "scenarios": [ { "name": "eurusd_may06", "symbol": "EURUSD", "start": "2014-05-06T00:00:00Z", "end": "2014-05-07T00:00:00Z" } ]
            }
            """);
        try
        {
            var report = new ScenarioSetLoader(StrategyCatalog.CreateDefault(), Store).Load(set);
            using var builder = new PackageBuilder(Store, new RunOptions { Profiling = profiling });
            return builder.Build(report.Name, report.Scenarios.Single().Config ?? throw new InvalidOperationException(string.Join("\n", report.AllProblems())));
        }
        finally
        {
            File.Delete(set);
        }
    }
}
