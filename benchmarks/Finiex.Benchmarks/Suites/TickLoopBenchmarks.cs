using BenchmarkDotNet.Attributes;
using Finiex.Benchmarks.Baselines;
using Finiex.Contracts.Packages;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;

namespace Finiex.Benchmarks.Suites;

/// <summary>
/// The reference scenario per tick, against its two baselines in the same run: the floor (read the mapped ticks and
/// sum the mid) and the straight-line loop (the same strategy hand-written as one loop, same results). The engine runs
/// a whole <see cref="ScenarioRunner.Run"/> (fresh object graph, warmup, statistics) on the store file kept mapped, as
/// a runner does.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class TickLoopBenchmarks
{
    private ProcessDataPackage _profiled = null!;
    private ProcessDataPackage _unprofiled = null!;
    private ProcessDataPackage _breakout = null!;
    private ProcessDataPackage _trailing = null!;
    private ProcessDataPackage[] _sweep = null!;
    private ScenarioRunner _runner = null!;
    private TickFile _file = null!;
    private TickFileCache _files = null!;

    [GlobalSetup]
    public void Setup()
    {
        _profiled = BenchmarkData.ReferencePackage(profiling: true);
        _unprofiled = BenchmarkData.ReferencePackage(profiling: false);
        BenchmarkData.ExpectReferenceTicks(_profiled);
        _breakout = BenchmarkData.ChannelPackage("eurusd_breakout");
        _trailing = BenchmarkData.ChannelPackage("eurusd_breakout_trailing");
        // A sweep of the reference scenario: rsi period × latency seed, profiling off; all within the package's warmup bars.
        _sweep = [.. from period in new[] { 8, 10, 12, 14 }
                     from seed in new ulong[] { 1, 2, 3, 4 }
                     select _unprofiled with
                     {
                         ScenarioIndex = (period * 10) + (int)seed,
                         Workers = [.. _unprofiled.Workers.Select(w => w.Type == "rsi" ? w with { Numbers = new Dictionary<string, double>(w.Numbers) { ["period"] = period } } : w)],
                         Account = _unprofiled.Account with { LatencySeed = seed },
                     }];
        _file = TickFile.Open(_profiled.Ticks.TickFilePath!);
        var (start, end) = (_profiled.Ticks.StartIndex, _profiled.Ticks.EndIndex);
        _files = new TickFileCache();
        _runner = new ScenarioRunner(StrategyCatalog.CreateDefault(), source => StoreTickData.Open(source, _files));
        var difference = StraightLineReference.Run(_profiled, _file.Times(start, end), _file.Bids(start, end), _file.Asks(start, end))
            .DifferenceFrom(_runner.Run(_profiled));
        if (difference is not null)
        {
            throw new InvalidOperationException($"The straight-line loop and the engine disagree: {difference}");
        }

        if (!_runner.Run(_sweep, null).Select(r => r.Statistics).SequenceEqual(_sweep.Select(p => _runner.Run(p).Statistics)))
        {
            throw new InvalidOperationException("The fused sweep's statistics differ from its scenarios' run one by one.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _files.Dispose();
        _file.Dispose();
    }

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks, Description = "floor: read mapped ticks, sum mid")]
    public double Floor()
    {
        var (start, end) = (_profiled.Ticks.StartIndex, _profiled.Ticks.EndIndex);
        var bids = _file.Bids(start, end);
        var asks = _file.Asks(start, end);
        var sum = 0.0;
        for (var i = 0; i < bids.Length; i++)
        {
            sum += (bids[i] + asks[i]) / 2;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks, Baseline = true, Description = "straight-line reference loop")]
    public int StraightLine()
    {
        var (start, end) = (_profiled.Ticks.StartIndex, _profiled.Ticks.EndIndex);
        return StraightLineReference.Run(_profiled, _file.Times(start, end), _file.Bids(start, end), _file.Asks(start, end)).Trades.Count;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks, Description = "engine, reference scenario, profiling on")]
    public long ReferenceProfiled() => _runner.Run(_profiled).Statistics!.Trades;

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks, Description = "engine, reference scenario, profiling off")]
    public long ReferenceUnprofiled() => _runner.Run(_unprofiled).Statistics!.Trades;

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks, Description = "engine, channel_breakout (trading API, SL/TP), same day")]
    public long ChannelBreakout() => _runner.Run(_breakout).Statistics!.Trades;

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks, Description = "engine, channel_breakout with trailing stops, same day")]
    public long ChannelBreakoutTrailing() => _runner.Run(_trailing).Statistics!.Trades;

    private const int SweepSize = 16;

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks * SweepSize, Description = "engine, 16-scenario sweep one by one, per scenario-tick")]
    public long SweepAlone() => _sweep.Sum(p => _runner.Run(p).Statistics!.Trades);

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks * SweepSize, Description = "engine, 16-scenario sweep fused, per scenario-tick")]
    public long SweepFused() => _runner.Run(_sweep, null).Sum(r => r.Statistics!.Trades);
}
