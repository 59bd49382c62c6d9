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

    /// <summary>
    /// A scenario of the channel_breakout example set (SEMANTICS §10) cut to the reference day, so that its ns/tick
    /// compares with the reference scenario's over the same 99,897 ticks.
    /// </summary>
    public static ProcessDataPackage ChannelPackage(string scenarioName, bool profiling = false)
    {
        var report = new ScenarioSetLoader(StrategyCatalog.CreateDefault(), Store).Load(Path.Combine(RepoRoot, "configs", "scenario_sets", "channel_breakout_example.json"));
        var scenario = report.Scenarios.Single(s => s.Name == scenarioName);
        var config = scenario.Config ?? throw new InvalidOperationException(string.Join("\n", scenario.Problems));
        using var builder = new PackageBuilder(Store, new RunOptions { Profiling = profiling });
        var package = builder.Build(report.Name, config with { EndMs = config.StartMs + 86_400_000 });
        ExpectReferenceTicks(package);
        return package;
    }

    /// <summary>The README example set's first scenario, eurusd_may06: the reference scenario itself.</summary>
    public static ProcessDataPackage ReferencePackage(bool profiling)
    {
        var report = new ScenarioSetLoader(StrategyCatalog.CreateDefault(), Store).Load(Path.Combine(RepoRoot, "configs", "scenario_sets", "eurusd_example.json"));
        var reference = report.Scenarios.Single(s => s.Name == "eurusd_may06");
        using var builder = new PackageBuilder(Store, new RunOptions { Profiling = profiling });
        return builder.Build(report.Name, reference.Config ?? throw new InvalidOperationException(string.Join("\n", reference.Problems)));
    }
}
