using Finiex.Core.Strategy;
using Finiex.Engine.Plugins;
using Finiex.Sdk.Catalog;

namespace Finiex.Engine.Catalog;

/// <summary>
/// The registry of worker and decision types — decision logics (SEMANTICS §5) and strategies that trade through the
/// trading API (§10), which share one name space: what validation checks configurations against, and what the runner
/// builds scenarios from. <see cref="CreateDefault"/> holds the built-in types; plug-in assemblies add theirs
/// (<see cref="WithPlugins"/>, docs/extending.md), and code that hosts the engine may add its own with the Add methods.
/// Each type remembers which assembly registered it, so a name registered twice is reported with both.
/// </summary>
public sealed class StrategyCatalog : IStrategyCatalog, ITypeRegistry
{
    public const string BuiltIn = "built-in";

    private readonly Dictionary<string, (WorkerRegistration Registration, string Origin)> _workers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DecisionRegistration Registration, string Origin)> _decisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (StrategyRegistration Registration, string Origin)> _strategies = new(StringComparer.Ordinal);

    public IReadOnlyCollection<WorkerTypeInfo> WorkerTypes => [.. _workers.Values.Select(w => w.Registration.Info)];

    public IReadOnlyCollection<DecisionTypeInfo> DecisionTypes =>
        [.. _decisions.Values.Select(d => d.Registration.Info), .. _strategies.Values.Select(s => s.Registration.Info)];

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

    /// <summary>A catalog with the same types, to which more can be added without changing this one.</summary>
    public StrategyCatalog Copy()
    {
        var copy = new StrategyCatalog();
        foreach (var (name, entry) in _workers)
        {
            copy._workers.Add(name, entry);
        }

        foreach (var (name, entry) in _decisions)
        {
            copy._decisions.Add(name, entry);
        }

        foreach (var (name, entry) in _strategies)
        {
            copy._strategies.Add(name, entry);
        }

        return copy;
    }

    public StrategyCatalog Add(WorkerRegistration worker) => Add(worker, BuiltIn);

    public StrategyCatalog Add(DecisionRegistration decision) => Add(decision, BuiltIn);

    public StrategyCatalog Add(StrategyRegistration strategy) => Add(strategy, BuiltIn);

    /// <exception cref="InvalidOperationException">A worker type of this name is already registered (the message names both origins).</exception>
    public StrategyCatalog Add(WorkerRegistration worker, string origin)
    {
        if (_workers.TryGetValue(worker.Info.TypeName, out var existing))
        {
            throw new InvalidOperationException($"Worker type '{worker.Info.TypeName}' is registered twice: by {existing.Origin} and by {origin}.");
        }

        _workers.Add(worker.Info.TypeName, (worker, origin));
        return this;
    }

    public StrategyCatalog Add(DecisionRegistration decision, string origin)
    {
        if (decision.Info.Style != TradingStyle.Signals)
        {
            throw new ArgumentException($"Decision logic '{decision.Info.TypeName}' must declare the Signals style; register a strategy that trades itself as a StrategyRegistration.", nameof(decision));
        }

        EnsureNewDecisionName(decision.Info.TypeName, origin);
        _decisions.Add(decision.Info.TypeName, (decision, origin));
        return this;
    }

    public StrategyCatalog Add(StrategyRegistration strategy, string origin)
    {
        if (strategy.Info.Style != TradingStyle.TradingApi)
        {
            throw new ArgumentException($"Strategy '{strategy.Info.TypeName}' must declare the TradingApi style.", nameof(strategy));
        }

        EnsureNewDecisionName(strategy.Info.TypeName, origin);
        _strategies.Add(strategy.Info.TypeName, (strategy, origin));
        return this;
    }

    void ITypeRegistry.Add(WorkerRegistration worker) => Add(worker);

    void ITypeRegistry.Add(DecisionRegistration decision) => Add(decision);

    void ITypeRegistry.Add(StrategyRegistration strategy) => Add(strategy);

    public WorkerTypeInfo? FindWorker(string typeName) => _workers.GetValueOrDefault(typeName).Registration?.Info;

    public DecisionTypeInfo? FindDecision(string typeName) =>
        _decisions.GetValueOrDefault(typeName).Registration?.Info ?? _strategies.GetValueOrDefault(typeName).Registration?.Info;

    public string OriginOf(string typeName) =>
        _workers.TryGetValue(typeName, out var worker) ? worker.Origin
        : _decisions.TryGetValue(typeName, out var decision) ? decision.Origin
        : _strategies.TryGetValue(typeName, out var strategy) ? strategy.Origin
        : throw new KeyNotFoundException($"No type '{typeName}' is registered.");

    public WorkerRegistration Worker(string typeName) =>
        _workers.GetValueOrDefault(typeName).Registration ?? throw new KeyNotFoundException($"No worker type '{typeName}' is registered.");

    /// <summary>The strategy type of this name, or null when it is a decision logic (or unknown).</summary>
    public StrategyRegistration? FindStrategy(string typeName) => _strategies.GetValueOrDefault(typeName).Registration;

    public DecisionRegistration Decision(string typeName) =>
        _decisions.GetValueOrDefault(typeName).Registration ?? throw new KeyNotFoundException($"No decision logic type '{typeName}' is registered.");

    public PluginLoad WithPlugins(IReadOnlyList<PluginSource> plugins) => PluginLoader.ForValidation(this, plugins);

    /// <summary>Decision logics and strategies share one name space: a scenario set names either by its type.</summary>
    private void EnsureNewDecisionName(string typeName, string origin)
    {
        var existing = _decisions.TryGetValue(typeName, out var decision) ? decision.Origin
            : _strategies.TryGetValue(typeName, out var strategy) ? strategy.Origin
            : null;
        if (existing is not null)
        {
            throw new InvalidOperationException($"Decision type '{typeName}' is registered twice: by {existing} and by {origin}.");
        }
    }
}
