using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Finiex.Plugins.Tests;

/// <summary>
/// Builds plug-in assemblies for the tests with Roslyn, as a plug-in project would: a class library referencing the
/// framework and Finiex.Sdk (the one these tests run with, or another file standing in for another SDK version).
/// </summary>
internal static class PluginCompiler
{
    private static readonly string[] Framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "Serilog.dll")
        .ToArray();

    public static string Sdk => typeof(Sdk.Catalog.IPlugin).Assembly.Location;

    /// <summary>A fresh folder for one test's plug-ins.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"finiex-plugins-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Compiles <paramref name="source"/> into <c>folder/name.dll</c> and returns its path.</summary>
    /// <param name="sdk">The Finiex.Sdk to build against (the real one by default); null for none.</param>
    public static string Compile(string folder, string name, string source, string? sdk = "", IEnumerable<string>? references = null, string version = "1.0.0.0")
    {
        var path = Path.Combine(folder, name + ".dll");
        SyntaxTree[] trees = [CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]")];
        IEnumerable<string> paths = [.. Framework, .. references ?? []];
        if (sdk is not null)
        {
            paths = paths.Append(sdk.Length == 0 ? Sdk : sdk);
        }

        var compilation = CSharpCompilation.Create(name, trees, paths.Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return path;
    }
}
