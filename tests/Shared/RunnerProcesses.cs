using System.Diagnostics;

namespace Finiex.Tests.Shared;

/// <summary>The finiex-runner processes alive on this machine, so process tests can assert that none outlives them.</summary>
internal static class RunnerProcesses
{
    public static HashSet<int> Pids() =>
        [.. Process.GetProcesses().Where(IsRunner).Select(p => p.Id)];

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

    private static bool IsRunner(Process process)
    {
        try
        {
            return File.Exists($"/proc/{process.Id}/cmdline") && File.ReadAllText($"/proc/{process.Id}/cmdline").Contains("finiex-runner", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
