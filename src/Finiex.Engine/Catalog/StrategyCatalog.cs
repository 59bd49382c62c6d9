using Finiex.Core.Strategy;

namespace Finiex.Engine.Catalog;

/// <summary>
/// The registry of worker and decision logic types: what validation checks configurations against, and what the
/// runner builds scenarios from. <see cref="CreateDefault"/> holds the built-in types; add your own with
/// <see cref="Add(WorkerRegistration)"/> and <see cref="Add(DecisionRegistration)"/> (docs/extending.md).
/// </summary>
public sealed class StrategyCatalog : IStrategyCatalog
{
    private readonly Dictionary<string, WorkerRegistration> _workers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DecisionRegistration> _decisions = new(StringComparer.Ordinal);

    public IReadOnlyCollection<WorkerTypeInfo> WorkerTypes => [.. _workers.Values.Select(w => w.Info)];

    public IReadOnlyCollection<DecisionTypeInfo> DecisionTypes => [.. _decisions.Values.Select(d => d.Info)];

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

    public StrategyCatalog Add(WorkerRegistration worker)
    {
        if (!_workers.TryAdd(worker.Info.TypeName, worker))
        {
            throw new InvalidOperationException($"A worker type named '{worker.Info.TypeName}' is already registered.");
        }

        return this;
    }

    public StrategyCatalog Add(DecisionRegistration decision)
    {
        if (!_decisions.TryAdd(decision.Info.TypeName, decision))
        {
            throw new InvalidOperationException($"A decision logic type named '{decision.Info.TypeName}' is already registered.");
        }

        return this;
    }

    public WorkerTypeInfo? FindWorker(string typeName) => _workers.GetValueOrDefault(typeName)?.Info;

    public DecisionTypeInfo? FindDecision(string typeName) => _decisions.GetValueOrDefault(typeName)?.Info;

    public WorkerRegistration Worker(string typeName) =>
        _workers.GetValueOrDefault(typeName) ?? throw new KeyNotFoundException($"No worker type '{typeName}' is registered.");

    public DecisionRegistration Decision(string typeName) =>
        _decisions.GetValueOrDefault(typeName) ?? throw new KeyNotFoundException($"No decision logic type '{typeName}' is registered.");
}
