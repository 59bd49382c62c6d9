using System.Text.Json;
using Finiex.Core.Scenarios;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Processes;
using Finiex.Orchestration.Results;
using Finiex.Scenarios;
using Finiex.Scenarios.Validation;
using Finiex.Tests.Shared;

namespace Finiex.Orchestration.Tests;

/// <summary>Runs sets in any mode against the sample store and checks that no runner process outlives a batch.</summary>
internal static class BatchFixture
{
    public static TickStore Store { get; } = new(RepoPaths.SampleStore);

    public static string ExampleSet => Path.Combine(RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json");

    public static ScenarioSetReport Load(string path, StrategyCatalog? catalog = null) => new ScenarioSetLoader(catalog ?? StrategyCatalog.CreateDefault(), Store).Load(path);

    /// <summary>Four short EURUSD scenarios (a grid over the latency seed) for the fault tests.</summary>
    public static ScenarioSetReport SmallSet() => GridSet(4, 20_000);

    /// <summary><paramref name="count"/> EURUSD scenarios of <paramref name="ticks"/> ticks each (a grid over the latency seed), with the given execution keys.</summary>
    public static ScenarioSetReport GridSet(int count, int ticks, string execution = "", string extraWorkers = "", StrategyCatalog? catalog = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"finiex-orch-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""
            {
              "name": "small",
              "defaults": {
                "strategy": {
                  "workers": { "rsi": { "type": "rsi", "timeframe": "M5" }, "band": { "type": "envelope", "timeframe": "M30" } {{extraWorkers}} },
                  "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
                },
                "account": { "initial_balance": 10000, "currency": "USD", "broker": "{{Path.Combine(RepoPaths.Root, "configs", "brokers", "vantage_demo.json").Replace("\\", "\\\\", StringComparison.Ordinal)}}",
                             "latency_ticks": { "min": 1, "max": 3 } },
                "execution": { {{execution}} }
              },
              "scenarios": [ { "name": "s", "symbol": "EURUSD", "start": "2014-05-06T00:00:00Z", "max_ticks": {{ticks}},
                               "grid": { "account.latency_seed": [{{string.Join(", ", Enumerable.Range(1, count))}}] } } ]
            }
            """);
        try
        {
            var report = Load(path, catalog);
            Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
            return report;
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static RunnerLaunch Launch(string? fault = null, TimeSpan? watchdog = null) =>
        RunnerLaunch.Default() with
        {
            Environment = new Dictionary<string, string?> { ["FINIEX_RUNNER_FAULT"] = fault },
            Watchdog = watchdog ?? TimeSpan.FromSeconds(10),
            CancelGrace = TimeSpan.FromSeconds(3),
        };

    public static async Task<(BatchResult Batch, List<BatchEvent> Events)> RunAsync(ScenarioSetReport report, ExecutionMode mode, int parallel,
        BatchOptions? options = null, StrategyCatalog? catalog = null, CancellationToken cancellationToken = default)
    {
        var hub = new BatchEventHub();
        var events = new List<BatchEvent>();
        using var subscription = hub.Subscribe(e =>
        {
            lock (events)
            {
                events.Add(e);
            }
        });
        var before = RunnerPids();
        var batch = await new BatchOrchestrator(Store, catalog ?? StrategyCatalog.CreateDefault(), hub)
            .RunAsync(report, new ExecutionPlan(mode, parallel, "test"), options ?? new BatchOptions { Runner = mode == ExecutionMode.Processes ? Launch() : null }, cancellationToken)
            .WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        AssertNoRunnerSurvives(before);
        return (batch, events);
    }

    /// <summary>Statistics and trades of every scenario, as bytes that must be identical across modes.</summary>
    public static string Fingerprint(BatchResult batch) => string.Join("\n", batch.Scenarios.Select(s =>
        $"{s.Name}|{JsonSerializer.Serialize(s.Result.Statistics, ResultsJson.Options)}|{ResultFiles.TradesCsv(s.Result.Trades)}"));

    public static HashSet<int> RunnerPids() => RunnerProcesses.Pids();

    public static void AssertNoRunnerSurvives(HashSet<int> before) => RunnerProcesses.AssertNoneSurvives(before);
}
