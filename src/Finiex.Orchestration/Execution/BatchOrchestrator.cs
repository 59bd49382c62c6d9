using System.Diagnostics;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Core.Scenarios;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Preparation;
using Finiex.Orchestration.Processes;
using Finiex.Scenarios.Validation;

namespace Finiex.Orchestration.Execution;

/// <summary>
/// Runs a validated scenario set: prepares a package per runnable scenario, has the <see cref="ExecutionCoordinator"/>
/// run them on the plan's slots (this process's threads or runner processes), and collects the results in set order.
/// Invalid scenarios become failed results carrying a ValidationError, and so do scenarios whose data preparation
/// fails; the batch goes on. <paramref name="kill"/> (a second Ctrl+C) kills runner processes at once.
/// </summary>
public sealed class BatchOrchestrator(TickStore store, StrategyCatalog catalog, BatchEventHub hub)
{
    public async Task<BatchResult> RunAsync(ScenarioSetReport report, ExecutionPlan plan, BatchOptions options,
        CancellationToken cancellationToken = default, CancellationToken kill = default)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        hub.Publish(new BatchStarted(plan.Reason));
        var kept = options.Kept.ToDictionary(k => k.Index);
        var enabled = report.Scenarios.Count(s => s.Enabled && s.IsValid && !kept.ContainsKey(s.Index));
        using var files = new TickFileCache();
        var shared = plan.Mode == ExecutionMode.Processes && options.Cluster is null ? options.Coordinator : null;
        await using var runners = shared is null && plan.Mode == ExecutionMode.Processes ? CreateRunners(report.Name, options) : null;
        var slots = shared is null ? CreateSlots(plan, runners, Math.Max(1, Math.Min(plan.Parallelism, enabled)), files) : [];
        var warmUp = Task.WhenAll(slots.Select(s => s.WarmUpAsync(cancellationToken))); // runners start while packages are prepared
        // The serialiser's warm-up waits for the runners' handshakes: on two cores it would otherwise delay them.
        _ = warmUp.ContinueWith(_ => StartSerializerWarmup(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        var outcomes = new SortedDictionary<int, ScenarioOutcome>();
        void Record(ScenarioOutcome outcome)
        {
            lock (outcomes)
            {
                outcomes[outcome.Index] = outcome;
            }

            options.Outcomes?.Record(outcome);
        }

        foreach (var outcome in kept.Values)
        {
            outcomes[outcome.Index] = outcome; // its files are on disk already
        }

        var packages = new List<ProcessDataPackage>();
        var configs = new Dictionary<int, ScenarioConfig>();
        IReadOnlyList<PluginReference> plugins =
            [.. report.Plugins.Select(p => new PluginReference { Path = p.Path, AssemblyName = p.AssemblyName, Version = p.Version, Sha256 = p.Sha256 })];
        using (var builder = new PackageBuilder(store, new RunOptions { Profiling = options.Profiling, TraceBars = options.TraceBars }))
        {
            foreach (var scenario in report.Scenarios.Where(s => s.Enabled && !kept.ContainsKey(s.Index)))
            {
                if (!scenario.IsValid)
                {
                    var messages = scenario.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => $"{p.Path}: {p.Message}");
                    Record(new ScenarioOutcome(scenario.Index, scenario.Name, scenario.Config,
                        ProcessResult.Failed(scenario.Index, scenario.Name, scenario.Config?.Symbol ?? "", FailureKind.ValidationError, string.Join("; ", messages))));
                    continue;
                }

                try
                {
                    packages.Add(builder.Build(report.Name, scenario.Config!) with { Plugins = plugins });
                    configs[scenario.Index] = scenario.Config!;
                }
                catch (Exception ex) when (ex is StoreCorruptException or IOException or InvalidOperationException or Data.Brokers.BrokerSpecException)
                {
                    Record(new ScenarioOutcome(scenario.Index, scenario.Name, scenario.Config,
                        ProcessResult.Failed(scenario.Index, scenario.Name, scenario.Config!.Symbol, FailureKind.DataPreparationError, ex.Message)));
                }
            }
        }

        var preparationMs = clock.Elapsed.TotalMilliseconds;
        await warmUp.ConfigureAwait(false);
        await using var own = shared is null ? new ExecutionCoordinator(slots) : null; // idle by the time it is disposed
        var coordinator = shared ?? own!;
        try
        {
            var digits = packages.ToDictionary(p => p.ScenarioIndex, p => p.SymbolSpec.Digits);
            await coordinator.RunAsync(packages, hub, (result, slotMs) => Record(
                    new ScenarioOutcome(result.ScenarioIndex, result.ScenarioName, configs[result.ScenarioIndex], result) { SlotMs = slotMs, PriceDigits = digits[result.ScenarioIndex] }),
                options.ScenarioTimeout, options.FuseUpTo, cancellationToken, kill).ConfigureAwait(false);
        }
        finally
        {
            // Runners shut down together: one by one, each waited for its process to exit (40-70 ms each).
            await Task.WhenAll(slots.Select(slot => slot.DisposeAsync().AsTask())).ConfigureAwait(false);
        }

        if (runners?.Shipped?.Totals is { Ranges: > 0 } shipped)
        {
            hub.Publish(new LogWritten("INFO", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Shipped {shipped.Ranges} tick range(s): {shipped.RawBytes / 1e6:0.0} MB of columns packed to {shipped.PackedBytes / 1e6:0.0} MB in {shipped.PackTime.TotalMilliseconds:0} ms")));
        }

        hub.Publish(new BatchFinished());
        return new BatchResult
        {
            SetName = report.Name,
            SourceFile = report.SourceFile,
            StartedAt = started,
            FinishedAt = DateTimeOffset.UtcNow,
            WallMs = clock.Elapsed.TotalMilliseconds,
            PreparationMs = preparationMs,
            ExecutionMode = plan.Mode.ToString().ToLowerInvariant(),
            Parallelism = shared?.Slots.Count ?? slots.Count,
            RunnerStartsMs = [.. slots.OfType<RunnerProcessSlot>().SelectMany(s => s.RunnerStarts).Select(t => t.TotalMilliseconds)],
            Runners = [.. slots.OfType<RunnerProcessSlot>().SelectMany(s => s.Usage)],
            Cluster = runners?.Launcher.Placement,
            Scenarios = [.. outcomes.Values],
        };
    }

    /// <summary>
    /// Builds the serialiser's formatters in the background (0.3-0.4 s of CPU, once per process). A caller that may run
    /// runner processes starts it early, while it does other work; otherwise it starts when the runners have connected.
    /// </summary>
    public static void StartSerializerWarmup() => _ = Protocol.ProtocolWarmup.EnsureStarted();

    /// <summary>The runners of a processes-mode batch: local processes over named pipes, or Slurm steps dialling back over TCP.</summary>
    private RunnerFactory CreateRunners(string setName, BatchOptions options)
    {
        if (options.Runners is { } make)
        {
            return make(message => hub.Publish(new LogWritten("WARN", message)));
        }

        var launch = options.Runner ?? RunnerLaunch.Default();
        return options.Cluster is { } cluster
            ? Processes.Slurm.SlurmRunners.Create(launch, cluster, store.Root, $"finiex-{SafeJobName(setName)}",
                message => hub.Publish(new LogWritten("INFO", message)), message => hub.Publish(new LogWritten("WARN", message)))
            : RunnerFactory.Local(launch);
    }

    private static string SafeJobName(string setName) => new([.. setName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(40)]);

    private List<IExecutionSlot> CreateSlots(ExecutionPlan plan, RunnerFactory? runners, int count, TickFileCache files)
    {
        if (runners is not null)
        {
            return [.. Enumerable.Range(0, count).Select(i => (IExecutionSlot)new RunnerProcessSlot(i, runners))];
        }

        return [.. Enumerable.Range(0, plan.Mode == ExecutionMode.Sequential ? 1 : count)
            .Select(i => (IExecutionSlot)new InProcessSlot(i, catalog, files))];
    }
}
