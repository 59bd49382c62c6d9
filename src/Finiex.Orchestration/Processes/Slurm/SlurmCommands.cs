using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Finiex.Orchestration.Processes.Slurm;

/// <summary>The Slurm client commands Finiex uses besides salloc and srun: what a job is doing, and canceling it.</summary>
public static class SlurmCommands
{
    private static readonly string[] Needed = ["salloc", "srun", "scancel", "scontrol"];

    /// <summary>The Slurm client commands Finiex needs that are not on PATH, or an empty list.</summary>
    public static IReadOnlyList<string> Missing()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return [.. Needed.Where(command => !path.Any(folder => File.Exists(Path.Combine(folder, command))))];
    }

    /// <summary>The fields of <c>scontrol show job -o</c> (JobState, Reason, NodeList, TimeLimit...); empty when Slurm does not know the job.</summary>
    internal static async Task<IReadOnlyDictionary<string, string>> ShowJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var result = await Cli.Wrap("scontrol").WithArguments(["show", "job", jobId, "-o"]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (result.ExitCode != 0)
        {
            return fields;
        }

        foreach (var pair in result.StandardOutput.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields.TryAdd(pair[..equals], pair[(equals + 1)..]);
            }
        }

        return fields;
    }

    /// <summary>The host names of a Slurm node list (<c>node[01-03],gpu1</c>).</summary>
    internal static async Task<IReadOnlyList<string>> HostNamesAsync(string nodeList, CancellationToken cancellationToken = default)
    {
        var result = await Cli.Wrap("scontrol").WithArguments(["show", "hostnames", nodeList]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [nodeList];
    }

    /// <summary>Cancels a job or one step of it (<c>JOB.STEP</c>); never throws.</summary>
    internal static async Task CancelAsync(string jobOrStep)
    {
        try
        {
            await Cli.Wrap("scancel").WithArguments([jobOrStep]).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(CancellationToken.None).Task.WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
        }
    }
}
