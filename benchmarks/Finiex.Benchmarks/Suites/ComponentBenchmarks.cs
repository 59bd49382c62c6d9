using BenchmarkDotNet.Attributes;
using Finiex.Core.Time;
using Finiex.Engine.Bars;
using Finiex.Engine.Trading;
using Finiex.Engine.Workers;

namespace Finiex.Benchmarks.Suites;

/// <summary>
/// The tick loop's parts, each per tick on the reference day's real ticks: every built-in worker's update (with its
/// M5 bars committed as they close), the bar renderer (M5 and M30), and the trade simulator with a position open.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class ComponentBenchmarks
{
    private long[] _times = null!;
    private double[] _bids = null!;
    private double[] _asks = null!;
    private double[] _mids = null!;
    private bool[] _closesM5Bar = null!;
    private TradingRules _rules = null!;

    [Params("rsi_wilder_14", "rsi_simple_14", "sma_20", "envelope_20", "bollinger_20")]
    public string Worker { get; set; } = "rsi_wilder_14";

    [GlobalSetup]
    public void Setup()
    {
        (_times, _bids, _asks, _mids) = BenchmarkData.ReferenceTicksArrays();
        _closesM5Bar = new bool[_times.Length];
        for (var i = 1; i < _times.Length; i++)
        {
            _closesM5Bar[i] = Timeframe.M5.BucketStart(_times[i]) != Timeframe.M5.BucketStart(_times[i - 1]);
        }

        var package = BenchmarkData.ReferencePackage(profiling: false);
        _rules = TradingRules.From(package.Account, package.SymbolSpec);
    }

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks, Description = "worker update")]
    public bool WorkerUpdate()
    {
        var worker = NewWorker();
        for (var i = 0; i < 40; i++)
        {
            worker.CommitClose(_mids[i]); // warmup, so the measured ticks take the ready path
        }

        var mids = _mids;
        var closes = _closesM5Bar;
        for (var i = 1; i < mids.Length; i++)
        {
            if (closes[i])
            {
                worker.CommitClose(mids[i - 1]);
            }

            worker.Update(mids[i]);
        }

        return worker.IsReady;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks, Description = "bar renderer, M5 + M30")]
    public int BarRenderer()
    {
        var m5 = new BarSeries(Timeframe.M5);
        var m30 = new BarSeries(Timeframe.M30);
        var (times, mids) = (_times, _mids);
        for (var i = 0; i < times.Length; i++)
        {
            m5.OnTick(times[i], mids[i]);
            m30.OnTick(times[i], mids[i]);
        }

        return m5.Count + m30.Count;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks, Description = "trade simulator, position open")]
    public double Simulator()
    {
        var simulator = new TradeSimulator(_rules);
        simulator.SubmitOpen(TradeSide.Long, 0.1, 0, 0, _mids[0]);
        var (times, bids, asks) = (_times, _bids, _asks);
        for (var i = 0; i < times.Length; i++)
        {
            simulator.OnTick(i, times[i], bids[i], asks[i]);
        }

        return simulator.Equity;
    }

    private Worker NewWorker() => Worker switch
    {
        "rsi_wilder_14" => new RsiWorker("rsi", Timeframe.M5, 14, wilder: true),
        "rsi_simple_14" => new RsiWorker("rsi", Timeframe.M5, 14, wilder: false),
        "sma_20" => new SmaWorker("sma", Timeframe.M5, 20),
        "envelope_20" => new EnvelopeWorker("band", Timeframe.M5, 20, 0.1),
        "bollinger_20" => new BollingerWorker("band", Timeframe.M5, 20, 2),
        _ => throw new ArgumentOutOfRangeException(nameof(Worker), Worker, "unknown worker"),
    };
}
