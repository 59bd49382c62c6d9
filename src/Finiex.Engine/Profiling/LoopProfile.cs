using System.Diagnostics;
using Finiex.Contracts.Results;

namespace Finiex.Engine.Profiling;

/// <summary>
/// Accumulates Stopwatch ticks of the six steps (and of each worker and the decision) on the sampled ticks only,
/// then scales them to all ticks. One tick in <see cref="SampleEvery"/> is timed: the clock costs ~20 ns a read,
/// as much as a whole tick, so reading it seven times on every tick would distort what it measures.
/// </summary>
internal sealed class LoopProfile(int workerCount)
{
    public const int SampleEvery = 1024;

    public static readonly string[] StepNames = ["trade_simulator", "bar_rendering", "bar_history", "worker_decision", "order_execution", "live_update"];

    private readonly long[] _steps = new long[StepNames.Length];
    private readonly long[] _workers = new long[workerCount];
    private long _decision;

    public long SampledTicks { get; private set; }

    public void AddSample(ReadOnlySpan<long> stamps)
    {
        SampledTicks++;
        for (var s = 0; s < _steps.Length; s++)
        {
            _steps[s] += stamps[s + 1] - stamps[s];
        }
    }

    public void AddWorker(int worker, long elapsed) => _workers[worker] += elapsed;

    public void AddDecision(long elapsed) => _decision += elapsed;

    public ProfileReport Report(long totalTicks, IReadOnlyList<string> workerNames, double loopMs)
    {
        var scale = SampledTicks == 0 ? 0 : (double)totalTicks / SampledTicks;
        double Ms(long stopwatchTicks) => stopwatchTicks * scale * 1000.0 / Stopwatch.Frequency;
        var measured = _steps.Sum();
        var operations = StepNames.Select((name, s) => new OperationShare(name, Ms(_steps[s]), measured == 0 ? 0 : (double)_steps[s] / measured)).ToList();
        var stepFour = _steps[3];
        var breakdown = new List<OperationShare>();
        for (var w = 0; w < workerNames.Count; w++)
        {
            breakdown.Add(new OperationShare($"worker {workerNames[w]}", Ms(_workers[w]), stepFour == 0 ? 0 : (double)_workers[w] / stepFour));
        }

        breakdown.Add(new OperationShare("decision", Ms(_decision), stepFour == 0 ? 0 : (double)_decision / stepFour));
        var coordination = Math.Max(0, stepFour - _workers.Sum() - _decision);
        breakdown.Add(new OperationShare("coordination", Ms(coordination), stepFour == 0 ? 0 : (double)coordination / stepFour));
        _ = loopMs;
        return new ProfileReport
        {
            TicksTotal = totalTicks,
            TicksSampled = SampledTicks,
            SampleEvery = SampleEvery,
            Operations = operations,
            WorkerDecision = breakdown,
        };
    }
}
