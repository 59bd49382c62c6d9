using Finiex.Core.Strategy;

namespace Finiex.Engine.Catalog;

/// <summary>
/// The registry of worker and decision logic types. <see cref="CreateDefault"/> holds the built-in ones;
/// a user adds their own with <see cref="Add(WorkerTypeInfo)"/> and <see cref="Add(DecisionTypeInfo)"/>.
/// </summary>
public sealed class StrategyCatalog : IStrategyCatalog
{
    private readonly Dictionary<string, WorkerTypeInfo> _workers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DecisionTypeInfo> _decisions = new(StringComparer.Ordinal);

    public IReadOnlyCollection<WorkerTypeInfo> WorkerTypes => _workers.Values;

    public IReadOnlyCollection<DecisionTypeInfo> DecisionTypes => _decisions.Values;

    public static StrategyCatalog CreateDefault()
    {
        var catalog = new StrategyCatalog();
        foreach (var worker in BuiltInWorkerTypes.All)
        {
            catalog.Add(worker);
        }

        foreach (var decision in BuiltInDecisionTypes.All)
        {
            catalog.Add(decision);
        }

        return catalog;
    }

    public StrategyCatalog Add(WorkerTypeInfo worker)
    {
        if (!_workers.TryAdd(worker.TypeName, worker))
        {
            throw new InvalidOperationException($"A worker type named '{worker.TypeName}' is already registered.");
        }

        return this;
    }

    public StrategyCatalog Add(DecisionTypeInfo decision)
    {
        if (!_decisions.TryAdd(decision.TypeName, decision))
        {
            throw new InvalidOperationException($"A decision logic type named '{decision.TypeName}' is already registered.");
        }

        return this;
    }

    public WorkerTypeInfo? FindWorker(string typeName) => _workers.GetValueOrDefault(typeName);

    public DecisionTypeInfo? FindDecision(string typeName) => _decisions.GetValueOrDefault(typeName);
}
