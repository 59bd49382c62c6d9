using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Finiex.Orchestration.Preparation;
using Finiex.Scenarios;
using Finiex.Scenarios.Validation;
using Finiex.Tests.Shared;

namespace Finiex.Engine.Tests.Golden;

/// <summary>Loads a scenario set, prepares its packages and runs them in-process, as finiex run does.</summary>
internal static class EngineRun
{
    public static TickStore SampleStore { get; } = new(RepoPaths.SampleStore);

    public static string Broker => Path.Combine(RepoPaths.Root, "configs", "brokers", "vantage_demo.json").Replace("\\", "\\\\", StringComparison.Ordinal);

    public static ScenarioSetReport Load(string json, TickStore store)
    {
        var path = Path.Combine(Path.GetTempPath(), $"finiex-engine-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.Replace("{broker}", Broker, StringComparison.Ordinal));
        try
        {
            var report = new ScenarioSetLoader(StrategyCatalog.CreateDefault(), store).Load(path);
            Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
            return report;
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static IReadOnlyList<(ProcessDataPackage Package, ProcessResult Result)> Run(ScenarioSetReport report, TickStore store, RunOptions? options = null)
    {
        using var builder = new PackageBuilder(store, options ?? new RunOptions());
        var runner = new ScenarioRunner(StrategyCatalog.CreateDefault(), StoreTickData.Open);
        return [.. report.Scenarios.Select(s =>
        {
            var package = builder.Build(report.Name, s.Config!);
            var result = runner.Run(package);
            Assert.True(result.Success, result.Error?.ToString());
            return (package, result);
        })];
    }
}
