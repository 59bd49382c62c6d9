using System.Diagnostics;
using Finiex.Contracts.Results;

namespace Finiex.Engine.Profiling;

/// <summary>
/// Accumulates Stopwatch ticks of the six steps (and of each worker and the decision) on the sampled ticks only.
/// One tick in <see cref="SampleEvery"/> is timed: the clock costs ~20 ns a read, as much as a whole tick, so reading it
/// on every tick would distort what it measures. The clock's own cost, calibrated once, is subtracted from each
/// segment; the remaining shares are applied to the measured tick-loop time.
/// </summary>
internal sealed class LoopProfile(int workerCount)
{
    public const int SampleEvery = 1024;
    private const int ClockReadsPerSample = 7;

    private const int WorkerDecisionStep = 3;
    private const int LiveUpdateStep = 5;

    public static readonly string[] StepNames = ["trade_simulator", "bar_rendering", "bar_history", "worker_decision", "order_execution", "live_update"];

    private static readonly double ClockCost = CalibrateClockCost();

    private readonly double[] _steps = new double[StepNames.Length];
    private readonly double[] _workers = new double[workerCount];
    private double _decision;

    public long SampledTicks { get; private set; }

    public void AddSample(ReadOnlySpan<long> stamps)
    {
        SampledTicks++;
        for (var s = 0; s < _steps.Length; s++)
        {
            _steps[s] += Net(stamps[s + 1] - stamps[s]);
        }

        // Step 4 also holds one clock read per worker (the per-worker timing inside it).
        _steps[WorkerDecisionStep] = Math.Max(0, _steps[WorkerDecisionStep] - (_workers.Length * ClockCost));
    }

    public void AddWorker(int worker, long elapsed) => _workers[worker] += Net(elapsed);

    public void AddDecision(long elapsed) => _decision += Net(elapsed);

    public ProfileReport Report(long totalTicks, IReadOnlyList<string> workerNames, double loopMs)
    {
        var overheadMs = SampledTicks * (ClockReadsPerSample + workerNames.Count + 1) * ClockCost * 1000 / Stopwatch.Frequency;
        var workMs = Math.Max(0, loopMs - overheadMs);
        // Steps 1-5 run on every tick, step 6 once per block: scale each to the whole run before taking shares.
        var blocks = (totalTicks + SampleEvery - 1) / SampleEvery;
        var scaled = _steps.Select((sum, s) => SampledTicks == 0 ? 0 : sum * (s == LiveUpdateStep ? blocks : totalTicks) / SampledTicks).ToArray();
        var measured = scaled.Sum();
        double Share(double part, double whole) => whole > 0 ? part / whole : 0;
        var operations = StepNames.Select((name, s) => new OperationShare(name, workMs * Share(scaled[s], measured), Share(scaled[s], measured))).ToList();
        var stepFourMs = operations[3].TotalMs;
        var parts = _workers.Sum() + _decision;
        var coordination = Math.Max(0, _steps[3] - parts);
        var whole = parts + coordination;
        var breakdown = new List<OperationShare>();
        for (var w = 0; w < workerNames.Count; w++)
        {
            breakdown.Add(new OperationShare($"worker {workerNames[w]}", stepFourMs * Share(_workers[w], whole), Share(_workers[w], whole)));
        }

        breakdown.Add(new OperationShare("decision", stepFourMs * Share(_decision, whole), Share(_decision, whole)));
        breakdown.Add(new OperationShare("coordination", stepFourMs * Share(coordination, whole), Share(coordination, whole)));
        return new ProfileReport
        {
            TicksTotal = totalTicks,
            TicksSampled = SampledTicks,
            SampleEvery = SampleEvery,
            Operations = operations,
            WorkerDecision = breakdown,
            OverheadMs = overheadMs,
            OverheadShare = Share(overheadMs, loopMs),
        };
    }

    private static double Net(long elapsed) => Math.Max(0, elapsed - ClockCost);

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
