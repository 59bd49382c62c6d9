using BenchmarkDotNet.Attributes;
using Finiex.Contracts.Packages;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Finiex.Orchestration.Execution;

namespace Finiex.Benchmarks;

/// <summary>
/// The reference scenario per tick: a whole <see cref="ScenarioRunner.Run"/> (startup included, which is well under
/// 1% here) divided by its ticks, with profiling on and off; and the floor, a loop that only reads the mapped ticks
/// and sums the mid.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 12)]
public class TickLoopBenchmarks
{
    private const int Ticks = 99_897;
    private ProcessDataPackage _profiled = null!;
    private ProcessDataPackage _unprofiled = null!;
    private ScenarioRunner _runner = null!;
    private TickFile _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        _profiled = BenchmarkData.ReferencePackage(profiling: true);
        _unprofiled = BenchmarkData.ReferencePackage(profiling: false);
        if (_profiled.Ticks.Count != Ticks)
        {
            throw new InvalidOperationException($"Expected {Ticks} ticks, the package has {_profiled.Ticks.Count}.");
        }

        _runner = new ScenarioRunner(StrategyCatalog.CreateDefault(), StoreTickData.Open);
        _file = TickFile.Open(_profiled.Ticks.TickFilePath!);
    }

    [GlobalCleanup]
    public void Cleanup() => _file.Dispose();

    [Benchmark(OperationsPerInvoke = Ticks, Description = "floor: read mapped ticks, sum mid")]
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

    [Benchmark(OperationsPerInvoke = Ticks, Description = "reference scenario, profiling on")]
    public long ReferenceProfiled() => _runner.Run(_profiled).Statistics!.Trades;

    [Benchmark(OperationsPerInvoke = Ticks, Description = "reference scenario, profiling off")]
    public long ReferenceUnprofiled() => _runner.Run(_unprofiled).Statistics!.Trades;
}
