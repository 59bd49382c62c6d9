using System.Text.Json;
using Finiex.Scenarios.Loading;

namespace Finiex.Scenarios.Tests;

/// <summary>The shipped JSON Schema must name exactly the keys the loader accepts.</summary>
public sealed class SchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(SetFixture.RepoRoot, "configs", "schema", "scenario-set.schema.json"))).RootElement;

    private static string[] Keys(JsonElement objectSchema) => [.. objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order()];

    private static JsonElement Def(string name) => Schema.GetProperty("$defs").GetProperty(name);

    [Fact]
    public void Schema_keys_match_the_loader()
    {
        Assert.Equal(ConfigKeys.Root.Order(), Keys(Schema));
        Assert.Equal(ConfigKeys.Config.Order(), Keys(Def("config")));
        Assert.Equal(ConfigKeys.Scenario.Order(), Keys(Def("scenario")));
        Assert.Equal(ConfigKeys.Worker.Order(), Keys(Def("worker")));
        Assert.Equal(ConfigKeys.Decision.Order(), Keys(Def("decision")));
        var config = Def("config").GetProperty("properties");
        Assert.Equal(ConfigKeys.Account.Order(), Keys(config.GetProperty("account")));
        Assert.Equal(ConfigKeys.Execution.Order(), Keys(config.GetProperty("execution")));
        Assert.Equal(ConfigKeys.Strategy.Order(), Keys(config.GetProperty("strategy")));
    }

    [Fact]
    public void Schema_lists_every_built_in_worker_and_decision_type()
    {
        var catalog = Finiex.Engine.Catalog.StrategyCatalog.CreateDefault();
        var workerTypes = Def("worker").GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Order();
        Assert.Equal(catalog.WorkerTypes.Select(t => t.TypeName).Order(), workerTypes);
        var decisionTypes = Def("decision").GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Order();
        Assert.Equal(catalog.DecisionTypes.Select(t => t.TypeName).Order(), decisionTypes);
    }
}
