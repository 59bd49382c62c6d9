using System.Diagnostics;
using Finiex.Tests.Shared;

namespace Finiex.Cli.Tests;

/// <summary><c>finiex run</c>'s cluster options are refused with a command that works when they cannot apply.</summary>
public sealed class ClusterOptionTests
{
    [Theory]
    [InlineData("--ntasks", "4")]
    [InlineData("--partition", "compute")]
    [InlineData("--ship-ticks", null)]
    public void Slurm_options_without_cluster_slurm_are_refused(string option, string? value)
    {
        string[] args = ["run", FiniexProcess.ExampleSet, "--store", FiniexProcess.SampleStore, option, .. value is null ? Array.Empty<string>() : [value]];
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option} needs --cluster slurm: finiex run SET.json --cluster slurm {option}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_slurm_with_a_local_mode_or_another_cluster_is_refused()
    {
        var local = CliRunner.Run("run", FiniexProcess.ExampleSet, "--store", FiniexProcess.SampleStore, "--cluster", "slurm", "--mode", "threads");
        Assert.Equal(2, local.ExitCode);
        Assert.Contains("--mode threads runs on this machine", local.Error, StringComparison.Ordinal);

        var other = CliRunner.Run("run", FiniexProcess.ExampleSet, "--store", FiniexProcess.SampleStore, "--cluster", "pbs");
        Assert.Equal(2, other.ExitCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cluster_slurm_without_the_Slurm_commands_says_what_to_install()
    {
        var start = FiniexProcess.StartInfo(Path.Combine(AppContext.BaseDirectory, "finiex.dll"), "run", FiniexProcess.ExampleSet, "--store", FiniexProcess.SampleStore,
            "--cluster", "slurm", "--out", Path.Combine(Path.GetTempPath(), $"finiex-noslurm-{Guid.NewGuid():N}"));
        start.FileName = "/usr/bin/env";
        start.Environment["PATH"] = "/nonexistent";
        start.ArgumentList[1] = Path.GetFullPath(FiniexProcess.DotnetHost.Contains('/', StringComparison.Ordinal) ? FiniexProcess.DotnetHost : Which("dotnet"));
        using var finiex = Process.Start(start)!;
        var error = finiex.StandardError.ReadToEndAsync();
        await finiex.WaitForExitAsync();

        Assert.Equal(2, finiex.ExitCode);
        Assert.Contains("these are not on PATH: salloc, srun, scancel, scontrol. Install them (Debian: apt-get install slurm-client munge)", await error, StringComparison.Ordinal);
    }

    private static string Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(folder => Path.Combine(folder, program)).First(File.Exists);
}
