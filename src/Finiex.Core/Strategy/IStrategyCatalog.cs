using Finiex.Sdk.Catalog;

namespace Finiex.Core.Strategy;

/// <summary>The worker and decision logic types a scenario set may name.</summary>
public interface IStrategyCatalog
{
    IReadOnlyCollection<WorkerTypeInfo> WorkerTypes { get; }

    IReadOnlyCollection<DecisionTypeInfo> DecisionTypes { get; }

    WorkerTypeInfo? FindWorker(string typeName);

    DecisionTypeInfo? FindDecision(string typeName);
}
