namespace Finiex.Core.Strategy;

/// <summary>A plug-in assembly as loaded for validation: what each scenario's package names and its result records.</summary>
public sealed record PluginIdentity(string Path, string AssemblyName, string Version, string Sha256);
