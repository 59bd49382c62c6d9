using Finiex.Contracts.Packages;
using Finiex.Core.Ticks;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;

namespace Finiex.Runner;

/// <summary>
/// Runs two small synthetic scenarios through every built-in worker and decision logic while the runner waits for its
/// first package, so the first real scenario does not pay for compiling the engine.
/// </summary>
internal static class EngineWarmup
{
    public static void Run(StrategyCatalog catalog)
    {
        const int ticks = 20_000;
        var times = new long[ticks];
        var bids = new double[ticks];
        var asks = new double[ticks];
        for (var i = 0; i < ticks; i++)
        {
            times[i] = 1_400_000_000_000 + (i * 1_000L);
            bids[i] = 1.3 + (0.002 * Math.Sin(i / 300.0));
            asks[i] = bids[i] + 0.0001;
        }

        var runner = new ScenarioRunner(catalog, source => new ArrayTickData(source.InlineTimes!, source.InlineBids!, source.InlineAsks!));
        runner.Run(Package("aggressive_trend", "envelope", times, bids, asks));
        runner.Run(Package("simple_consensus", "bollinger", times, bids, asks));
    }

    private static ProcessDataPackage Package(string decision, string band, long[] times, double[] bids, double[] asks) => new()
    {
        ScenarioIndex = -1,
        ScenarioName = "warmup",
        SetName = "warmup",
        Symbol = "WARMUP",
        StartMs = times[0],
        Workers =
        [
            new WorkerSpec { Name = "rsi", Type = "rsi", Timeframe = "M1", Numbers = new Dictionary<string, double> { ["period"] = 14 }, Choices = new Dictionary<string, string> { ["smoothing"] = "wilder" }, WarmupBars = 0 },
            new WorkerSpec { Name = "band", Type = band, Timeframe = "M5", Numbers = new Dictionary<string, double> { ["period"] = 20 }, Choices = new Dictionary<string, string>(), WarmupBars = 0 },
            new WorkerSpec { Name = "sma", Type = "sma", Timeframe = "M1", Numbers = new Dictionary<string, double> { ["period"] = 10 }, Choices = new Dictionary<string, string>(), WarmupBars = 0 },
        ],
        Decision = new DecisionSpec
        {
            Type = decision,
            Inputs = new Dictionary<string, string> { ["rsi"] = "rsi", ["band"] = "band" },
            Numbers = new Dictionary<string, double>(),
            Choices = new Dictionary<string, string>(),
        },
        Account = new AccountSpec { InitialBalance = 10_000, Currency = "USD", Leverage = 500, LatencyMinTicks = 1, LatencyMaxTicks = 3, StopLossPoints = 50, TakeProfitPoints = 80, CommissionPerLot = 1 },
        SymbolSpec = new SymbolContract { Name = "WARMUP", BaseCurrency = "EUR", QuoteCurrency = "USD", ContractSize = 100_000, Digits = 5, Point = 0.00001, VolumeMin = 0.01, VolumeMax = 100, VolumeStep = 0.01 },
        WarmupBars = [],
        Ticks = new TickSource { InlineTimes = times, InlineBids = bids, InlineAsks = asks },
        Options = new RunOptions { Profiling = true },
    };
}
