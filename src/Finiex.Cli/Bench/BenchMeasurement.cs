using System.Diagnostics;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Processes.Slurm;
using Finiex.Orchestration.Service;

namespace Finiex.Cli.Bench;

/// <summary>Runs a load in one execution mode, repeated when it is short, and reduces the runs to <see cref="BenchModeFigures"/>.</summary>
internal sealed class BenchMeasurement(string storeFolder, string setFile)
{
    /// <summary>Runs shorter than this are repeated (five runs in all, unless --repeat says otherwise).</summary>
    private const double ShortRunMs = 1000;

    /// <summary>Runs the load as a batch job (as <c>finiex run</c> and the server do) that keeps its results in memory.</summary>
    public async Task<BenchModeFigures> MeasureAsync(BenchTarget target, int parallelism, int fuseUpTo, int? repeat, Action<string> say, CancellationToken cancellationToken)
    {
        var runs = new List<(BatchResult Batch, double ParentCpuMs)>();
        ExecutionPlan? plan = null;
        var wanted = repeat ?? 1;
        while (runs.Count < wanted)
        {
            using var job = new BatchJob(new BatchRequest
            {
                SetFile = setFile, StoreFolder = storeFolder, OutRoot = null, Mode = target.Mode, Parallel = parallelism, FuseUpTo = fuseUpTo, Profiling = true,
                Cluster = target.OnSlurm ? new SlurmOptions { Tasks = parallelism } : null,
            });
            job.Validate();
            job.Prepare();
            plan = job.Plan!;
            using var parent = Process.GetCurrentProcess();
            var cpuBefore = parent.TotalProcessorTime.TotalMilliseconds;
            var batch = await job.RunAsync(cancel: cancellationToken).ConfigureAwait(false);
            parent.Refresh();
            runs.Add((batch, parent.TotalProcessorTime.TotalMilliseconds - cpuBefore));
            say($"  {target.Name} ×{plan.Parallelism}{(fuseUpTo > 1 ? $" fused (up to {fuseUpTo})" : "")}, run {runs.Count}: {batch.WallMs / 1000:0.00} s");
            if (repeat is null && runs.Count == 1 && batch.WallMs < ShortRunMs)
            {
                wanted = 5;
            }
        }

        return Reduce(runs, fuseUpTo) with { Mode = target.Name };
    }

    private static BenchModeFigures Reduce(List<(BatchResult Batch, double ParentCpuMs)> runs, int fuseUpTo)
    {
        // The median run by wall time stands for the mode; its scenarios give the per-scenario figures.
        var ordered = runs.OrderBy(r => r.Batch.WallMs).ToList();
        var (batch, parentCpuMs) = ordered[ordered.Count / 2];
        var done = batch.Scenarios.Where(s => s.Result.Success).ToList();
        var ticks = done.Sum(s => s.Result.Statistics!.TicksProcessed);
        var loopMs = done.Sum(s => s.Result.Timings!.TickLoopMs);
        var poolStartMs = batch.RunnerStartsMs.Count == 0 ? 0 : batch.RunnerStartsMs.Max();
        var n = batch.Parallelism;
        var runnerCpuMs = batch.Runners.Sum(r => r.CpuMs);
        var wallSeconds = batch.WallMs / 1000;
        var outsideLoops = batch.WallMs - poolStartMs - batch.PreparationMs;
        return new BenchModeFigures
        {
            Mode = batch.ExecutionMode,
            Parallelism = n,
            FuseUpTo = fuseUpTo,
            Runs = runs.Count,
            WallMsEachRun = [.. runs.Select(r => Math.Round(r.Batch.WallMs, 1))],
            WallMs = batch.WallMs,
            Ticks = ticks,
            TicksPerSecond = ticks / wallSeconds,
            ScenariosPerSecond = batch.Scenarios.Count / wallSeconds,
            LoopNsPerTick = ticks == 0 ? 0 : loopMs * 1e6 / ticks,
            Efficiency = batch.WallMs == 0 ? 0 : ((loopMs / n) + poolStartMs) / batch.WallMs,
            PreparationMs = batch.PreparationMs,
            StartupStepsMs = done.SelectMany(s => s.Result.Timings!.StartupSteps).GroupBy(step => step.Name)
                .ToDictionary(g => g.Key, g => Median(g.Select(step => step.Milliseconds))),
            DispatchMs = Median(done.Select(s => s.SlotMs - s.Result.Timings!.TotalMs)),
            OverheadPerScenarioMs = done.Count == 0 ? 0 : (outsideLoops * n / done.Count) - Median(done.Select(s => s.Result.Timings!.TickLoopMs)),
            HandoffShare = Median(done.Select(s =>
                s.Result.Timings!.StartupSteps.Where(step => step.Name == "tick_source").Sum(step => step.Milliseconds) / Math.Max(1e-9, s.Result.Timings.TickLoopMs))),
            RunnerStartsMs = [.. batch.RunnerStartsMs.Select(ms => Math.Round(ms, 1))],
            PeakRunnerMemoryMB = batch.Runners.Count == 0 ? 0 : batch.Runners.Max(r => r.PeakWorkingSetBytes) / 1048576.0,
            ParentPeakMemoryMB = ParentPeakWorkingSet() / 1048576.0,
            CpuUtilisation = (parentCpuMs + runnerCpuMs) / (batch.WallMs * Environment.ProcessorCount),
            ParentCpuMs = parentCpuMs,
            RunnerCpuMs = runnerCpuMs,
            Profile = Profile(done, ticks),
            Failed = batch.Scenarios.Count - done.Count,
        };
    }

    private static List<BenchOperation> Profile(List<ScenarioOutcome> done, long ticks)
    {
        var totals = new Dictionary<string, double>();
        foreach (var profile in done.Select(s => s.Result.Profile).OfType<Contracts.Results.ProfileReport>())
        {
            foreach (var operation in profile.Operations.Where(o => o.Name != "worker_decision").Concat(profile.WorkerDecision))
            {
                totals[operation.Name] = totals.GetValueOrDefault(operation.Name) + operation.TotalMs;
            }
        }

        var all = totals.Values.Sum();
        return [.. totals.Select(t => new BenchOperation(t.Key, all == 0 ? 0 : t.Value / all, ticks == 0 ? 0 : t.Value * 1e6 / ticks))];
    }

    private static long ParentPeakWorkingSet()
    {
        using var parent = Process.GetCurrentProcess();
        return parent.PeakWorkingSet64;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
