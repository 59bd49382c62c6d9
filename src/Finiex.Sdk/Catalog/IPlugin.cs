namespace Finiex.Sdk.Catalog;

/// <summary>
/// A plug-in assembly's entry point. Finiex creates every public, non-abstract class of the assembly that implements it
/// (with a public parameterless constructor) and calls <see cref="Register"/> once per load: in the parent to validate a
/// scenario set and list the catalog, and in each scenario's own load context before it runs.
/// </summary>
public interface IPlugin
{
    /// <summary>Adds the plug-in's worker, decision logic and strategy types. Runs at every load, so keep it cheap and free of side effects.</summary>
    void Register(ITypeRegistry types);
}
