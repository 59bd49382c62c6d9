using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Scenarios.Validation;
using Finiex.Tests.Shared;

namespace Finiex.Scenarios.Tests;

/// <summary>Loads sets against the sample store shipped in data/store.</summary>
internal static class SetFixture
{
    public static string RepoRoot => RepoPaths.Root;

    public static TickStore SampleStore { get; } = new(RepoPaths.SampleStore);

    public static string ExampleSet => Path.Combine(RepoRoot, "configs", "scenario_sets", "eurusd_example.json");

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "Finiex.Scenarios.Tests", "Fixtures", name);

    public static ScenarioSetReport Load(string path, TickStore? store = null) =>
        new ScenarioSetLoader(StrategyCatalog.CreateDefault(), store ?? SampleStore).Load(path);

    /// <summary>Writes a set to a temp file and loads it; <c>{broker}</c> in the text stands for the demo broker's path.</summary>
    public static ScenarioSetReport LoadText(string json, TickStore? store = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"finiex-set-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.Replace("{broker}", BrokerPath.Replace("\\", "\\\\"), StringComparison.Ordinal));
        try
        {
            return Load(path, store);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string BrokerPath => Path.Combine(RepoRoot, "configs", "brokers", "vantage_demo.json");
}
