using Finiex.Contracts.Packages;
using Finiex.Core.Ticks;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;

namespace Finiex.Runner;

/// <summary>
/// Runs small synthetic scenarios through the built-in workers, decision logics and a strategy trading through the API
/// (pending orders, trailing stops, the tick-by-tick loop) while the runner waits for its first
/// package, so that a first real scenario arriving later does not pay for compiling the engine. It only uses idle time:
/// it runs on its own thread (the thread pool stays free for the pipe), and the first request stops it, keeping what it
/// compiled so far (measured: awaiting it to the end delayed the example set's first scenario by 200-450 ms).
/// </summary>
internal sealed class EngineWarmup : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    private EngineWarmup(StrategyCatalog catalog, Action<TimeSpan, bool> done)
    {
        _thread = new Thread(() =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Run(catalog, _stop.Token);
            done(clock.Elapsed, _stop.IsCancellationRequested);
        })
        { IsBackground = true, Name = "engine warm-up" };
    }

    public static EngineWarmup Start(StrategyCatalog catalog, Action<TimeSpan, bool> done)
    {
        var warmup = new EngineWarmup(catalog, done);
        warmup._thread.Start();
        return warmup;
    }

    /// <summary>Stops the warm-up at its next tick-loop checkpoint and waits until its thread has let go of the core.</summary>
    public void Stop()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
        }

        _thread.Join();
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }

    private static void Run(StrategyCatalog catalog, CancellationToken cancellationToken)
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
        runner.Run(Package("aggressive_trend", "envelope", times, bids, asks), cancellationToken);
        if (!cancellationToken.IsCancellationRequested)
        {
            runner.Run(Package("simple_consensus", "bollinger", times, bids, asks), cancellationToken);
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            runner.Run(Package("aggressive_trend", "envelope", times, bids, asks) with
            {
                Decision = new DecisionSpec
                {
                    Type = "channel_breakout",
                    Inputs = new Dictionary<string, string>(),
                    Numbers = new Dictionary<string, double> { ["lookback"] = 5, ["offset_points"] = 5, ["stop_loss_points"] = 60, ["take_profit_points"] = 90, ["trailing_points"] = 40, ["expiry_bars"] = 2 },
                    Choices = new Dictionary<string, string> { ["timeframe"] = "M1", ["mode"] = "breakout" },
                },
                Account = new AccountSpec { InitialBalance = 10_000, Currency = "USD", Leverage = 500, LatencyMinTicks = 1, LatencyMaxTicks = 3, CommissionPerLot = 1 },
            }, cancellationToken);
        }
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
