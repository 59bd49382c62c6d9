using System.Reflection;
using System.Runtime.Loader;
using Finiex.Sdk.Catalog;

namespace Finiex.Engine.Plugins;

/// <summary>
/// The load context of one plug-in assembly: its own copy of the plug-in and of its private dependencies (resolved from
/// its .deps.json, as the .NET host would), so its types and statics are its own; Finiex.Sdk and the assemblies the SDK's
/// types expose (Serilog) come from the default context, so the plug-in's workers and strategies are the engine's
/// types. Collectible: a scenario's contexts are unloaded when it ends.
/// Assemblies are loaded from their bytes, never mapped from their files: a plug-in project rebuilt while Finiex runs
/// rewrites its output files in place, and a page of a mapped image that changes under the runtime ends the process
/// with SIGBUS. The .pdb beside an assembly is handed over with it, so debuggers still bind breakpoints.
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
        return path is null ? null : LoadImage(File.ReadAllBytes(path), path);
    }

    /// <summary>Loads an assembly from <paramref name="image"/>, with the symbols of the .pdb beside <paramref name="path"/> when there is one.</summary>
    public Assembly LoadImage(byte[] image, string path)
    {
        using var assembly = new MemoryStream(image, writable: false);
        var symbols = Path.ChangeExtension(path, ".pdb");
        if (!File.Exists(symbols))
        {
            return LoadFromStream(assembly);
        }

        using var pdb = new MemoryStream(File.ReadAllBytes(symbols), writable: false);
        return LoadFromStream(assembly, pdb);
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
