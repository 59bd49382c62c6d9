using Finiex.Tests.Shared;

namespace Finiex.Data.Tests;

/// <summary>Paths of the real data the tests read.</summary>
internal static class TestPaths
{
    public static string RepoRoot => RepoPaths.Root;

    public static string Shared(params string[] parts) => Path.Combine([RepoPaths.TestData, .. parts]);

    public static string FxcmEurUsd(string day) => Shared("lean", "forex", "fxcm", "tick", "eurusd", $"{day}_quote.zip");
}
