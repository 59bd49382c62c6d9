using Finiex.Sdk.Catalog;

namespace Finiex.Core.Strategy;

/// <summary>The worker and decision logic types a scenario set may name.</summary>
public interface IStrategyCatalog
{
    IReadOnlyCollection<WorkerTypeInfo> WorkerTypes { get; }

    IReadOnlyCollection<DecisionTypeInfo> DecisionTypes { get; }

    WorkerTypeInfo? FindWorker(string typeName);

    DecisionTypeInfo? FindDecision(string typeName);

    /// <summary>Which assembly registered a type: "built-in", or the plug-in's assembly name and version.</summary>
    string OriginOf(string typeName);

    /// <summary>This catalog plus the plug-in assemblies <paramref name="plugins"/> (loaded for as long as the returned catalog lives).</summary>
    PluginLoad WithPlugins(IReadOnlyList<PluginSource> plugins);
}
