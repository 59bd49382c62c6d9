using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Finiex.Tests.Shared;

/// <summary>
/// The finiex-runner processes started from this test process, so process tests can assert that none outlives them,
/// or kill one, without touching the runners of another test assembly running at the same time. Every process this
/// test process starts inherits <see cref="TagVariable"/> (set when the assembly loads); runners are told apart by it.
/// </summary>
internal static class RunnerProcesses
{
    public const string TagVariable = "FINIEX_TEST_TAG";

    public static string Tag { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    [ModuleInitializer]
    internal static void TagChildren() => Environment.SetEnvironmentVariable(TagVariable, Tag);

    public static HashSet<int> Pids()
    {
        var pids = new HashSet<int>();
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                if (IsOurRunner(process.Id))
                {
                    pids.Add(process.Id);
                }
            }
        }

        return pids;
    }

    public static void AssertNoneSurvives(HashSet<int> before)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var alive = Pids().Except(before).ToList();
            if (alive.Count == 0)
            {
                return;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), $"runner processes survived the batch: {string.Join(", ", alive)}");
            Thread.Sleep(100);
        }
    }

    private static bool IsOurRunner(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("finiex-runner", StringComparison.Ordinal)
                   && File.ReadAllText($"/proc/{pid}/environ").Contains($"{TagVariable}={Tag}\0", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
