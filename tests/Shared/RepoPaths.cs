namespace Finiex.Tests.Shared;

/// <summary>Finds the repository root (where Finiex.sln lives) and the shared real data beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/data from the repository root, or $FINIEX_SHARED_DATA.</summary>
    public static string SharedData => SharedDataPath.Value;

    private static readonly Lazy<string> SharedDataPath = new(FindSharedData);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Finiex.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Finiex.sln not found above the test binaries.");
    }

    private static string FindSharedData()
    {
        var path = Environment.GetEnvironmentVariable("FINIEX_SHARED_DATA") ?? Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
        return Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"The shared real data is expected at {path} (../shared/data beside the repo, or FINIEX_SHARED_DATA).");
    }
}
