using System.Collections.Immutable;
using System.Reflection;
using Finiex.Contracts.Packages;
using Finiex.Core.Strategy;
using Finiex.Engine.Catalog;
using Finiex.Sdk.Catalog;

namespace Finiex.Engine.Plugins;

/// <summary>
/// Loads plug-in assemblies, each into its own <see cref="PluginLoadContext"/>, and adds the types their
/// <see cref="IPlugin"/> classes register to a copy of a catalog. The parent does it once to validate a set and list the
/// catalog (<see cref="ForValidation"/>); every scenario does it again in its own contexts, after checking each file's
/// SHA-256 against what the parent validated (<see cref="ForScenario"/>), so no type or static of a plug-in outlives
/// its scenario, and every execution mode runs plug-in code the same way.
/// </summary>
public static class PluginLoader
{
    /// <summary>The catalog plus every plug-in that loads; a problem (with the source's origin) for each that does not.</summary>
    public static PluginLoad ForValidation(StrategyCatalog catalog, IReadOnlyList<PluginSource> sources)
    {
        var extended = catalog;
        var loaded = ImmutableArray.CreateBuilder<PluginIdentity>();
        var problems = ImmutableArray.CreateBuilder<PluginProblem>();
        foreach (var source in sources)
        {
            try
            {
                (var file, _, extended) = Load(source.Path, expectedSha256: null, extended);
                loaded.Add(new PluginIdentity(file.Path, file.AssemblyName, file.Version.ToString(), file.Sha256));
            }
            catch (PluginException ex)
            {
                problems.Add(new PluginProblem(source.Origin, ex.Message, ex.Hint));
            }
        }

        return new PluginLoad(extended, loaded.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>The catalog plus a scenario's plug-ins in contexts of its own, unloaded when the scope is disposed.</summary>
    /// <exception cref="PluginException">A plug-in changed since it was validated, or cannot be loaded any more.</exception>
    public static PluginScope ForScenario(StrategyCatalog catalog, IReadOnlyList<PluginReference> plugins)
    {
        if (plugins.Count == 0)
        {
            return new PluginScope(catalog, []);
        }

        var extended = catalog;
        var contexts = new List<PluginLoadContext>();
        try
        {
            foreach (var plugin in plugins)
            {
                (_, var context, extended) = Load(plugin.Path, plugin.Sha256, extended);
                contexts.Add(context);
            }
        }
        catch
        {
            contexts.ForEach(c => c.Unload());
            throw;
        }

        return new PluginScope(extended, contexts);
    }

    /// <summary>Loads one plug-in and returns a copy of <paramref name="catalog"/> with its types; <paramref name="catalog"/> itself is left as it was.</summary>
    private static (PluginFile File, PluginLoadContext Context, StrategyCatalog Catalog) Load(string path, string? expectedSha256, StrategyCatalog catalog)
    {
        var file = PluginFile.Inspect(path);
        if (expectedSha256 is not null && !string.Equals(file.Sha256, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginException($"plug-in {file.Path} changed after the set was validated (SHA-256 {file.Sha256[..12]}…, validated {expectedSha256[..Math.Min(12, expectedSha256.Length)]}…)",
                "do not rebuild a plug-in while a batch runs with it; run the set again to use the new build");
        }

        CheckSdk(file);
        var context = new PluginLoadContext(file.Path);
        try
        {
            var extended = catalog.Copy();
            AddTo(extended, Register(file, context), file.DisplayName);
            return (file, context, extended);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    private static void CheckSdk(PluginFile file)
    {
        var rebuild = "rebuild the plug-in against this Finiex: its Finiex.Sdk reference must point at this checkout's src/Finiex.Sdk (dotnet build)";
        if (file.SdkVersion is not { } built)
        {
            throw new PluginException($"{file.DisplayName} ({file.Path}) does not reference Finiex.Sdk, so it cannot register any type", rebuild);
        }

        if (!SdkCompatibility.Accepts(built))
        {
            throw new PluginException(
                $"{file.DisplayName} was built against Finiex.Sdk {SdkCompatibility.Describe(built)}, and this Finiex has Finiex.Sdk {SdkCompatibility.Describe(SdkCompatibility.Current)}: "
                + "a plug-in needs the same major version and a minor version no newer", rebuild);
        }
    }

    /// <summary>Loads the assembly, creates its <see cref="IPlugin"/> classes and collects what they register, checked.</summary>
    private static TypeCollector Register(PluginFile file, PluginLoadContext context)
    {
        Type[] plugins;
        try
        {
            var assembly = context.LoadImage(file.Image, file.Path);
            plugins = [.. assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(IPlugin).IsAssignableFrom(t))];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or TypeLoadException or ReflectionTypeLoadException)
        {
            throw new PluginException($"{file.DisplayName} could not be loaded: {LoaderReason(ex)}",
                "a dependency of the plug-in is missing or of another version: name the .dll in the plug-in's build output folder (next to its .deps.json), and rebuild it", ex);
        }

        if (plugins.Length == 0)
        {
            throw new PluginException($"{file.DisplayName} has no public class implementing {typeof(IPlugin).FullName}",
                "add one whose Register adds the plug-in's types (see docs/extending.md)");
        }

        var collector = new TypeCollector();
        foreach (var type in plugins.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            try
            {
                ((IPlugin)Activator.CreateInstance(type)!).Register(collector);
            }
            catch (Exception ex)
            {
                var inner = ex is TargetInvocationException { InnerException: { } thrown } ? thrown : ex;
                throw new PluginException($"{file.DisplayName}: {type.FullName} could not register its types: {inner.GetType().Name}: {LoaderReason(inner)}",
                    "give the class a public parameterless constructor, and fix the exception in its Register", inner);
            }
        }

        List<string> problems =
        [
            .. collector.Workers.SelectMany(RegistrationChecks.Problems),
            .. collector.Decisions.SelectMany(d => RegistrationChecks.Problems(d.Info)),
            .. collector.Strategies.SelectMany(s => RegistrationChecks.Problems(s.Info)),
        ];
        if (problems.Count > 0)
        {
            throw new PluginException($"{file.DisplayName} registers invalid types: {string.Join("; ", problems)}", "fix the registration in the plug-in and rebuild it");
        }

        return collector;
    }

    private static void AddTo(StrategyCatalog catalog, TypeCollector registered, string origin)
    {
        try
        {
            registered.Workers.ForEach(w => catalog.Add(w, origin));
            registered.Decisions.ForEach(d => catalog.Add(d, origin));
            registered.Strategies.ForEach(s => catalog.Add(s, origin));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new PluginException(ex.Message, "rename one of the types (type names are what scenario sets refer to), or leave one of the plug-ins out", ex);
        }
    }

    private static string LoaderReason(Exception ex) => ex switch
    {
        ReflectionTypeLoadException { LoaderExceptions: { Length: > 0 } inner } => string.Join("; ", inner.Where(e => e is not null).Select(e => e!.Message).Distinct()),
        _ => ex.Message,
    };

    /// <summary>What a plug-in's <see cref="IPlugin.Register"/> adds, collected to be checked before any of it reaches a catalog.</summary>
    private sealed class TypeCollector : ITypeRegistry
    {
        public List<WorkerRegistration> Workers { get; } = [];

        public List<DecisionRegistration> Decisions { get; } = [];

        public List<StrategyRegistration> Strategies { get; } = [];

        public void Add(WorkerRegistration worker) => Workers.Add(worker);

        public void Add(DecisionRegistration decision) => Decisions.Add(decision);

        public void Add(StrategyRegistration strategy) => Strategies.Add(strategy);
    }
}
