using Finiex.Sdk.Catalog;
using Finiex.Core.Strategy;

namespace Finiex.Engine.Catalog;

/// <summary>
/// The registry of worker and decision types — decision logics (SEMANTICS §5) and strategies that trade through the
/// trading API (§10), which share one name space: what validation checks configurations against, and what the runner
/// builds scenarios from. <see cref="CreateDefault"/> holds the built-in types; add your own with
/// <see cref="Add(WorkerRegistration)"/>, <see cref="Add(DecisionRegistration)"/> and <see cref="Add(StrategyRegistration)"/> (docs/extending.md).
/// </summary>
public sealed class StrategyCatalog : IStrategyCatalog
{
    private readonly Dictionary<string, WorkerRegistration> _workers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DecisionRegistration> _decisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StrategyRegistration> _strategies = new(StringComparer.Ordinal);

    public IReadOnlyCollection<WorkerTypeInfo> WorkerTypes => [.. _workers.Values.Select(w => w.Info)];

    public IReadOnlyCollection<DecisionTypeInfo> DecisionTypes => [.. _decisions.Values.Select(d => d.Info), .. _strategies.Values.Select(s => s.Info)];

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

        foreach (var strategy in BuiltInStrategyTypes.All)
        {
            catalog.Add(strategy);
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
        if (decision.Info.Style != TradingStyle.Signals)
        {
            throw new ArgumentException($"Decision logic '{decision.Info.TypeName}' must declare the Signals style; register a strategy that trades itself as a StrategyRegistration.", nameof(decision));
        }

        EnsureNewDecisionName(decision.Info.TypeName);
        _decisions.Add(decision.Info.TypeName, decision);
        return this;
    }

    public StrategyCatalog Add(StrategyRegistration strategy)
    {
        if (strategy.Info.Style != TradingStyle.TradingApi)
        {
            throw new ArgumentException($"Strategy '{strategy.Info.TypeName}' must declare the TradingApi style.", nameof(strategy));
        }

        EnsureNewDecisionName(strategy.Info.TypeName);
        _strategies.Add(strategy.Info.TypeName, strategy);
        return this;
    }

    public WorkerTypeInfo? FindWorker(string typeName) => _workers.GetValueOrDefault(typeName)?.Info;

    public DecisionTypeInfo? FindDecision(string typeName) => _decisions.GetValueOrDefault(typeName)?.Info ?? _strategies.GetValueOrDefault(typeName)?.Info;

    public WorkerRegistration Worker(string typeName) =>
        _workers.GetValueOrDefault(typeName) ?? throw new KeyNotFoundException($"No worker type '{typeName}' is registered.");

    /// <summary>The strategy type of this name, or null when it is a decision logic (or unknown).</summary>
    public StrategyRegistration? FindStrategy(string typeName) => _strategies.GetValueOrDefault(typeName);

    public DecisionRegistration Decision(string typeName) =>
        _decisions.GetValueOrDefault(typeName) ?? throw new KeyNotFoundException($"No decision logic type '{typeName}' is registered.");

    /// <summary>Decision logics and strategies share one name space: a scenario set names either by its type.</summary>
    private void EnsureNewDecisionName(string typeName)
    {
        if (_decisions.ContainsKey(typeName) || _strategies.ContainsKey(typeName))
        {
            throw new InvalidOperationException($"A decision type named '{typeName}' is already registered.");
        }
    }
}
