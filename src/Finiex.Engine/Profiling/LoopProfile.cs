using System.Diagnostics;
using Finiex.Contracts.Results;

namespace Finiex.Engine.Profiling;

/// <summary>
/// Accumulates Stopwatch ticks of the six steps of SEMANTICS §9 and of each worker and the decision. The tick loop runs
/// each step over a whole block of ticks, so every tick is timed while the clock is read only a few times per block
/// (a read costs ~20 ns, as much as many ticks): the clock's own cost, calibrated once, is subtracted from each
/// interval, and the reads are counted to report what profiling itself cost.
/// </summary>
internal sealed class LoopProfile(int workerCount, bool brokenDown, int sampleEvery = 1)
{
    public const int TradeSimulator = 0;
    public const int BarRendering = 1;
    public const int BarHistory = 2;
    public const int WorkerDecision = 3;
    public const int OrderExecution = 4;
    public const int LiveUpdate = 5;

    public static readonly string[] StepNames = ["trade_simulator", "bar_rendering", "bar_history", "worker_decision", "order_execution", "live_update"];

    private static readonly double ClockCost = CalibrateClockCost();

    private readonly double[] _steps = new double[StepNames.Length];
    private readonly double[] _workers = new double[workerCount];
    private double _decision;
    private long _intervals;

    public void AddStep(int step, long elapsed) => _steps[step] += Net(elapsed);

    /// <summary>A step timed on one tick of every <c>sampleEvery</c>: counted for all of them.</summary>
    public void AddSampledStep(int step, long elapsed) => _steps[step] += Net(elapsed) * sampleEvery;

    public void AddWorker(int worker, long elapsed)
    {
        var net = Net(elapsed);
        _workers[worker] += net;
        _steps[WorkerDecision] += net;
    }

    public void AddDecision(long elapsed)
    {
        var net = Net(elapsed);
        _decision += net;
        _steps[WorkerDecision] += net;
    }

    public ProfileReport Report(long totalTicks, IReadOnlyList<string> workerNames, double loopMs)
    {
        var toMs = 1000.0 / Stopwatch.Frequency;
        var measured = _steps.Sum();
        double Share(double part, double whole) => whole > 0 ? part / whole : 0;
        var operations = StepNames.Select((name, s) => new OperationShare(name, _steps[s] * toMs, Share(_steps[s], measured))).ToList();
        var stepFour = _steps[WorkerDecision];
        var breakdown = new List<OperationShare>();
        if (brokenDown) // false when the workers and the decision ran tick by tick: no per-worker times then
        {
            for (var w = 0; w < workerNames.Count; w++)
            {
                breakdown.Add(new OperationShare($"worker {workerNames[w]}", _workers[w] * toMs, Share(_workers[w], stepFour)));
            }

            breakdown.Add(new OperationShare("decision", _decision * toMs, Share(_decision, stepFour)));
        }
        else
        {
            breakdown.Add(new OperationShare("workers and decision, tick by tick", stepFour * toMs, stepFour > 0 ? 1 : 0));
        }

        var overheadMs = _intervals * ClockCost * toMs;
        return new ProfileReport
        {
            TicksTotal = totalTicks,
            TicksSampled = (totalTicks + sampleEvery - 1) / sampleEvery,
            SampleEvery = sampleEvery,
            Operations = operations,
            WorkerDecision = breakdown,
            OverheadMs = overheadMs,
            OverheadShare = Share(overheadMs, loopMs),
        };
    }

    private double Net(long elapsed)
    {
        _intervals++;
        return Math.Max(0, elapsed - ClockCost);
    }

    /// <summary>The cost of one clock read, in Stopwatch ticks (the minimum over a few rounds: the undisturbed cost).</summary>
    private static double CalibrateClockCost()
    {
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            const int reads = 2000;
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < reads; i++)
            {
                _ = Stopwatch.GetTimestamp();
            }

            best = Math.Min(best, (double)(Stopwatch.GetTimestamp() - start) / reads);
        }

        return best;
    }
}
