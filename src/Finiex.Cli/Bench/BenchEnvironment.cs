using System.Runtime.InteropServices;
using CliWrap;
using CliWrap.Buffered;

namespace Finiex.Cli.Bench;

/// <summary>What a certificate says about where it was made.</summary>
internal static class BenchEnvironment
{
    public static BenchMachine Machine() => new(
        RuntimeInformation.OSDescription,
        CpuModel(),
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0, 1),
        RuntimeInformation.FrameworkDescription);

    /// <summary>The commit of the working folder's repository (with "-dirty" for uncommitted changes), $FINIEX_COMMIT, or "unknown".</summary>
    public static async Task<string> CommitAsync()
    {
        if (Environment.GetEnvironmentVariable("FINIEX_COMMIT") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        try
        {
            var head = await CliWrap.Cli.Wrap("git").WithArguments(["rev-parse", "HEAD"]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
            if (head.ExitCode != 0)
            {
                return "unknown";
            }

            var status = await CliWrap.Cli.Wrap("git").WithArguments(["status", "--porcelain", "--untracked-files=no"]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
            return head.StandardOutput.Trim() + (status.StandardOutput.Trim().Length > 0 ? "-dirty" : "");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown"; // no git on this machine
        }
    }

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line?.Split(':', 2) is [_, var model])
            {
                return model.Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
