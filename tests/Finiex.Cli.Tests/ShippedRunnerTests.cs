using System.Diagnostics;
using System.Text.Json;
using Finiex.Orchestration.Processes;
using Finiex.Tests.Shared;

namespace Finiex.Cli.Tests;

/// <summary>The built CLI ships a ReadyToRun runner in runner/ and uses it.</summary>
[Collection("processes")]
public sealed class ShippedRunnerTests
{
    // The CLI built in the configuration these tests were built in (bin/<configuration>/net10.0).
    private static string CliFolder => Path.Combine(RepoPaths.Root, "src", "Finiex.Cli", "bin",
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0");

    [Fact]
    public void The_cli_prefers_its_ready_to_run_runner_and_falls_back_to_the_one_beside_it()
    {
        Assert.True(File.Exists(Path.Combine(CliFolder, "runner", "finiex-runner.dll")), $"no runner/ in {CliFolder}: the ShipReadyToRunRunner target did not run");
        Assert.Equal(Path.Combine(CliFolder, "runner", "finiex-runner.dll"), RunnerLaunch.Default(CliFolder).RunnerDll);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "finiex-runner.dll"), RunnerLaunch.Default(AppContext.BaseDirectory).RunnerDll);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_built_cli_runs_the_example_set_in_processes_mode_with_it()
    {
        var output = Path.Combine(Path.GetTempPath(), $"finiex-shipped-{Guid.NewGuid():N}");
        var before = RunnerProcesses.Pids();
        var start = FiniexProcess.StartInfo(Path.Combine(CliFolder, "finiex.dll"), "run", FiniexProcess.ExampleSet,
            "--store", FiniexProcess.SampleStore, "--mode", "processes", "--parallel", "2", "--out", output, "--json", "--live", "none");
        start.Environment.Remove(RunnerLaunch.PathVariable);
        try
        {
            using var finiex = Process.Start(start)!;
            var stdout = finiex.StandardOutput.ReadToEndAsync();
            var stderr = finiex.StandardError.ReadToEndAsync();
            await finiex.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.True(finiex.ExitCode == 0, await stderr);
            RunnerProcesses.AssertNoneSurvives(before);

            using var summary = JsonDocument.Parse(await stdout);
            Assert.Equal(7, summary.RootElement.GetProperty("totals").GetProperty("completed").GetInt32());
            Assert.Equal(2, summary.RootElement.GetProperty("runner_starts_ms").GetArrayLength());
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
