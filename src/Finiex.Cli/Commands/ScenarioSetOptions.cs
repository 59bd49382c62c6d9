using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Scenarios;
using Finiex.Scenarios.Validation;

namespace Finiex.Cli.Commands;

/// <summary>Loads and validates a scenario set against the built-in catalog, its plug-ins and a store.</summary>
internal static class ScenarioSetValidation
{
    public static ScenarioSetReport Validate(string setPath, string? storePath, IReadOnlyList<string>? plugins = null) =>
        new ScenarioSetLoader(StrategyCatalog.CreateDefault(), TickStore.Resolve(storePath), plugins).Load(setPath);
}
