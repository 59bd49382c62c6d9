using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Scenarios;
using Finiex.Scenarios.Validation;

namespace Finiex.Cli.Commands;

/// <summary>Loads and validates a scenario set against the built-in catalog and a store.</summary>
internal static class ScenarioSetValidation
{
    public static ScenarioSetReport Validate(string setPath, string? storePath) =>
        new ScenarioSetLoader(StrategyCatalog.CreateDefault(), TickStore.Resolve(storePath)).Load(setPath);
}
