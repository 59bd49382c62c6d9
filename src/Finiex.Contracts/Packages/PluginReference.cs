using MessagePack;

namespace Finiex.Contracts.Packages;

/// <summary>
/// A plug-in assembly a scenario runs with: where it is, what it is, and the SHA-256 of the bytes the parent validated
/// (a runner refuses a file that changed since). Results record the same, as what ran.
/// </summary>
[MessagePackObject]
public sealed record PluginReference
{
    [Key(0)] public required string Path { get; init; }
    [Key(1)] public required string AssemblyName { get; init; }
    [Key(2)] public required string Version { get; init; }
    [Key(3)] public required string Sha256 { get; init; }
}
