namespace Finiex.Sdk.Catalog;

/// <summary>Where a plug-in registers its types. Worker types have their own name space; decision logics and strategies share one.</summary>
public interface ITypeRegistry
{
    void Add(WorkerRegistration worker);

    void Add(DecisionRegistration decision);

    void Add(StrategyRegistration strategy);
}
