namespace Finiex.Core.Strategy;

/// <summary>A plug-in assembly as a scenario set (<c>plugins[i]</c>, relative to the set) or the command line (<c>--plugin</c>) names it.</summary>
/// <param name="Path">The assembly's full path.</param>
/// <param name="Origin">Where it was named, for problems: a JSON path or the option.</param>
public sealed record PluginSource(string Path, string Origin)
{
    /// <summary>A plug-in given as <c>--plugin PATH</c> (relative to the current folder).</summary>
    public static PluginSource FromCommandLine(string path) => new(System.IO.Path.GetFullPath(path), $"--plugin {path}");
}
