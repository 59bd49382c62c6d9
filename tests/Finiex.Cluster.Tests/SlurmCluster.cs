using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Finiex.Cluster.Tests;

/// <summary>
/// The Slurm cluster the tests run on (<c>.ci/slurm-up</c> starts a single-node one as root): whether it answers, and
/// which jobs and steps it has. Without one the tests skip, except under CI=true or FINIEX_REQUIRE_SLURM=1, where they fail.
/// </summary>
internal static partial class SlurmCluster
{
    private static readonly Lazy<string?> Missing = new(FindMissing);

    /// <summary>Set by <c>.ci/run</c>: the Slurm tests must run, not skip.</summary>
    public const string RequiredVariable = "FINIEX_REQUIRE_SLURM";

    /// <summary>Skips the test when no cluster answers here (fails under CI, which must run these tests).</summary>
    public static void Require()
    {
        if (Missing.Value is { } why)
        {
            var required = Environment.GetEnvironmentVariable("CI") == "true" || Environment.GetEnvironmentVariable(RequiredVariable) == "1";
            Assert.False(required, $"CI must run the Slurm tests, but {why}");
            Skip.If(true, $"{why}: sudo .ci/slurm-up starts a single-node cluster on this machine");
        }
    }

    /// <summary>The ids of the jobs Slurm holds now (pending, running, completing).</summary>
    public static IReadOnlyList<string> Jobs() => Lines("squeue", "-h", "-o", "%i");

    /// <summary>The ids of the running steps of <paramref name="job"/> (<c>12.0</c>, <c>12.1</c>...).</summary>
    public static IReadOnlyList<string> Steps(string job) => [.. Lines("squeue", "-h", "-s", "-j", job, "-o", "%i").Where(s => s.StartsWith(job + ".", StringComparison.Ordinal))];

    public static void Cancel(string jobOrStep) => Lines("scancel", jobOrStep);

    /// <summary>The job id a <c>finiex run --cluster slurm</c> reported (its "Slurm job N granted" line).</summary>
    public static string? JobIdIn(string output) => JobGranted().Match(output) is { Success: true } match ? match.Groups["id"].Value : null;

    private static string? FindMissing()
    {
        try
        {
            var states = Lines("sinfo", "-h", "-o", "%T");
            return states.Any(s => s is "idle" or "mixed" or "allocated") ? null : $"no Slurm node is up (sinfo: {string.Join(", ", states)})";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
        {
            return $"Slurm does not answer here ({ex.Message})";
        }
    }

    private static List<string> Lines(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill();
            throw new TimeoutException($"{program} did not answer within 20 s");
        }

        return [.. output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    [GeneratedRegex(@"Slurm job (?<id>\d+) granted")]
    private static partial Regex JobGranted();
}
