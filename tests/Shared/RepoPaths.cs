namespace Finiex.Tests.Shared;

/// <summary>
/// Finds the repository root (where Finiex.sln lives), the real files the tests carry (tests/data, see its NOTICE), and a
/// private copy of the sample store: tests never read a store a user can change.
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>tests/data: the small real files the tests read, in the shared data's layout.</summary>
    public static string TestData { get; } = Path.Combine(Root, "tests", "data");

    /// <summary>A copy of the repository's sample store (data/store), made once per test process in a temp folder.</summary>
    public static string SampleStore => SampleStoreCopy.Value;

    private static readonly Lazy<string> SampleStoreCopy = new(CopySampleStore);

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

    private static string CopySampleStore()
    {
        var source = Path.Combine(Root, "data", "store");
        var copy = Path.Combine(Path.GetTempPath(), $"finiex-sample-store-{Environment.ProcessId}-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(copy, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return copy;
    }
}
