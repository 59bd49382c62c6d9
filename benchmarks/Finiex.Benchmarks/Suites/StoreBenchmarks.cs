using BenchmarkDotNet.Attributes;
using Finiex.Contracts.Packages;
using Finiex.Data.Store;

namespace Finiex.Benchmarks.Suites;

/// <summary>
/// Reading a scenario's ticks through the memory map, per tick: opening the store file and reading the range for
/// the first time (mapping, page faults, checksum verification of the chunks it touches), as a runner does once per
/// file; the warm read of a mapped range is the tick loop suite's floor.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class StoreBenchmarks
{
    private TickSource _source = null!;

    [GlobalSetup]
    public void Setup() => _source = BenchmarkData.ReferencePackage(profiling: false).Ticks;

    [Benchmark(OperationsPerInvoke = BenchmarkData.ReferenceTicks, Description = "open store file, verify and read the range")]
    public double OpenAndRead()
    {
        using var file = TickFile.OpenExpecting(_source.TickFilePath!, _source.ExpectedFileTicks);
        var bids = file.Bids(_source.StartIndex, _source.EndIndex);
        var asks = file.Asks(_source.StartIndex, _source.EndIndex);
        var times = file.Times(_source.StartIndex, _source.EndIndex);
        var sum = 0.0;
        for (var i = 0; i < bids.Length; i++)
        {
            sum += bids[i] + asks[i] + times[i];
        }

        return sum;
    }
}
