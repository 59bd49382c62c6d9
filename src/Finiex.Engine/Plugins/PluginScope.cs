using Finiex.Engine.Catalog;

namespace Finiex.Engine.Plugins;

/// <summary>A scenario's catalog with its plug-ins loaded in contexts of its own; disposing unloads them.</summary>
public sealed class PluginScope : IDisposable
{
    private readonly IReadOnlyList<PluginLoadContext> _contexts;

    internal PluginScope(StrategyCatalog catalog, IReadOnlyList<PluginLoadContext> contexts)
    {
        Catalog = catalog;
        _contexts = contexts;
    }

    public StrategyCatalog Catalog { get; }

    public void Dispose()
    {
        foreach (var context in _contexts)
        {
            context.Unload();
        }
    }
}
