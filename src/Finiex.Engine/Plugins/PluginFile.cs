using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace Finiex.Engine.Plugins;

/// <summary>
/// A plug-in assembly as read from disk before anything of it is loaded: its identity, its SHA-256, and the Finiex.Sdk
/// version it was built against (from its assembly references), so a file that is not a .NET assembly, or was built
/// against an incompatible SDK, is refused with a clear message instead of a loader exception. <see cref="Image"/> holds
/// the bytes read, which are the bytes hashed and the bytes loaded.
/// </summary>
internal sealed record PluginFile(string Path, string AssemblyName, Version Version, string Sha256, Version? SdkVersion, byte[] Image)
{
    public const string SdkAssemblyName = "Finiex.Sdk";

    /// <summary>Plug-ins are small class libraries; a larger file is certainly something else.</summary>
    private const long MaxBytes = 256L * 1024 * 1024;

    /// <exception cref="PluginException">The file is missing, unreadable, or not a .NET assembly.</exception>
    public static PluginFile Inspect(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var name = System.IO.Path.GetFileName(fullPath);
        if (!File.Exists(fullPath))
        {
            throw new PluginException($"plug-in {fullPath} does not exist",
                "build the plug-in project first (dotnet build), or fix the path: a scenario set's plug-in paths are relative to the set's folder");
        }

        byte[] bytes;
        try
        {
            bytes = new FileInfo(fullPath).Length <= MaxBytes ? File.ReadAllBytes(fullPath) : throw new InvalidDataException($"it is over {MaxBytes / (1024 * 1024)} MB");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new PluginException($"plug-in {fullPath} cannot be read: {ex.Message}", "check the file's permissions, or rebuild it", ex);
        }

        var notAssembly = new PluginException($"{name} is not a .NET assembly ({fullPath})",
            "name the plug-in project's built .dll (bin/<Configuration>/net10.0/<Project>.dll), not a native library or another file");
        try
        {
            using var pe = new PEReader([.. bytes]);
            if (!pe.HasMetadata)
            {
                throw notAssembly;
            }

            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                throw notAssembly;
            }

            var definition = metadata.GetAssemblyDefinition();
            Version? sdk = null;
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (metadata.StringComparer.Equals(reference.Name, SdkAssemblyName))
                {
                    sdk = reference.Version;
                }
            }

            return new PluginFile(fullPath, metadata.GetString(definition.Name), definition.Version, Convert.ToHexStringLower(SHA256.HashData(bytes)), sdk, bytes);
        }
        catch (BadImageFormatException)
        {
            throw notAssembly;
        }
    }

    /// <summary>How problems and results name it: "MyStrategies 1.0.0.0".</summary>
    public string DisplayName => $"{AssemblyName} {Version}";
}
