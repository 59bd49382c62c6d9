using BenchmarkDotNet.Attributes;
using Finiex.Engine.Workers;
using Finiex.Sdk.Time;
using Finiex.Sdk.Workers;

namespace Finiex.Benchmarks.Suites;

/// <summary>Every built-in worker's update per tick on the reference day's real ticks, its M5 bars committed as they close.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class WorkerBenchmarks
{
    private double[] _mids = null!;
    private bool[] _closesM5Bar = null!;

    [Params("rsi_wilder_14", "rsi_simple_14", "sma_20", "envelope_20", "bollinger_20")]
    public string Worker { get; set; } = "rsi_wilder_14";

    [GlobalSetup]
    public void Setup()
    {
        (var times, _, _, _mids) = BenchmarkData.ReferenceTicksArrays();
        _closesM5Bar = new bool[times.Length];
        for (var i = 1; i < times.Length; i++)
        {
            _closesM5Bar[i] = Timeframe.M5.BucketStart(times[i]) != Timeframe.M5.BucketStart(times[i - 1]);
        }
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
