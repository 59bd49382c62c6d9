namespace Finiex.Data.Tests;

/// <summary>Locates the repository and the shared real data beside it (../shared/data from the repo root).</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedData { get; } = FindSharedData();

    public static string Shared(params string[] parts) => Path.Combine([SharedData, .. parts]);

    public static string FxcmEurUsd(string day) => Shared("lean", "forex", "fxcm", "tick", "eurusd", $"{day}_quote.zip");

    private static string FindRepoRoot()
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
        var path = Environment.GetEnvironmentVariable("FINIEX_SHARED_DATA") ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
        return Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"The shared real data is expected at {path} (../shared/data beside the repo, or FINIEX_SHARED_DATA).");
    }
}
