using BenchmarkDotNet.Attributes;
using Finiex.Engine.Trading;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Time;
using Finiex.Sdk.Trading;

namespace Finiex.Benchmarks.Suites;

/// <summary>
/// The tick loop's parts besides the workers (<see cref="WorkerBenchmarks"/>), per tick on the reference day's real
/// ticks: the bar renderer (M5 and M30) and the trade simulator with a position open.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class ComponentBenchmarks
{
    private long[] _times = null!;
    private double[] _bids = null!;
    private double[] _asks = null!;
    private double[] _mids = null!;
    private TradingRules _rules = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_times, _bids, _asks, _mids) = BenchmarkData.ReferenceTicksArrays();
        var package = BenchmarkData.ReferencePackage(profiling: false);
        _rules = TradingRules.From(package.Account, package.SymbolSpec);
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
}
