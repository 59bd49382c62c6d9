using System.Reflection;
using System.Runtime.Loader;
using Finiex.Sdk.Catalog;

namespace Finiex.Engine.Plugins;

/// <summary>
/// The load context of one plug-in assembly: its own copy of the plug-in and of its private dependencies (resolved from
/// its .deps.json, as the .NET host would), so its types and statics are its own; Finiex.Sdk and the assemblies the SDK's
/// types expose (Serilog) come from the default context, so the plug-in's workers and strategies are the engine's
/// types. Collectible: a scenario's contexts are unloaded when it ends.
/// </summary>
internal sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext($"plugin {Path.GetFileName(pluginPath)}", isCollectible: true)
{
    private static readonly HashSet<string> Shared = SharedNames();

    private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || Shared.Contains(assemblyName.Name))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static HashSet<string> SharedNames()
    {
        var sdk = typeof(IPlugin).Assembly;
        return new HashSet<string>([sdk.GetName().Name!, .. sdk.GetReferencedAssemblies().Select(a => a.Name!)], StringComparer.OrdinalIgnoreCase);
    }
}
