using System.Diagnostics;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Data.Store;
using Finiex.Orchestration.Preparation;
using Finiex.Scenarios.Validation;

namespace Finiex.Orchestration.Execution;

/// <summary>
/// Runs a validated scenario set: prepares a package per runnable scenario, hands it to the executor, and collects
/// results in set order. Invalid scenarios become failed results carrying a ValidationError; the batch goes on.
/// A scenario whose preparation fails is failed the same way and never stops the others.
/// </summary>
public sealed class BatchOrchestrator(TickStore store, IScenarioExecutor executor)
{
    public BatchResult Run(ScenarioSetReport report, BatchOptions options, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var outcomes = new List<ScenarioOutcome>();
        using var builder = new PackageBuilder(store, new RunOptions { Profiling = options.Profiling, TraceBars = options.TraceBars });
        foreach (var scenario in report.Scenarios.Where(s => s.Enabled))
        {
            if (!scenario.IsValid)
            {
                var messages = scenario.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => $"{p.Path}: {p.Message}");
                outcomes.Add(new ScenarioOutcome(scenario.Index, scenario.Name, scenario.Config,
                    Failed(scenario.Index, scenario.Name, scenario.Config?.Symbol ?? "", "ValidationError", string.Join("; ", messages))));
                continue;
            }

            var config = scenario.Config!;
            if (cancellationToken.IsCancellationRequested)
            {
                outcomes.Add(new ScenarioOutcome(scenario.Index, scenario.Name, config, Failed(scenario.Index, scenario.Name, config.Symbol, "Canceled", "The batch was canceled before this scenario started.")));
                continue;
            }

            ProcessDataPackage package;
            try
            {
                package = builder.Build(report.Name, config);
            }
            catch (Exception ex) when (ex is StoreCorruptException or IOException or InvalidOperationException or Data.Brokers.BrokerSpecException)
            {
                outcomes.Add(new ScenarioOutcome(scenario.Index, scenario.Name, config, Failed(scenario.Index, scenario.Name, config.Symbol, "DataPreparationError", ex.Message)));
                continue;
            }

            outcomes.Add(new ScenarioOutcome(scenario.Index, scenario.Name, config, executor.Execute(package, cancellationToken)));
        }

        return new BatchResult
        {
            SetName = report.Name,
            SourceFile = report.SourceFile,
            StartedAt = started,
            FinishedAt = DateTimeOffset.UtcNow,
            WallMs = clock.Elapsed.TotalMilliseconds,
            ExecutionMode = executor.Mode,
            Scenarios = outcomes,
        };
    }

    private static ProcessResult Failed(int index, string name, string symbol, string type, string message) => new()
    {
        Success = false,
        ScenarioIndex = index,
        ScenarioName = name,
        Symbol = symbol,
        Timings = new RunTimings(),
        Error = new ErrorInfo(type, message, null),
    };
}
