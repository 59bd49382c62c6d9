using System.Diagnostics;
using System.Text.Json;
using Finiex.Tests.Shared;

namespace Finiex.Cli.Tests;

/// <summary>
/// Every result is on disk the moment it exists: a killed finiex leaves the scenarios finished so far, an unwritable
/// --out is refused before anything runs, and any scenario name gets a folder.
/// </summary>
[Collection("processes")]
public sealed class ResultsOnDiskTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_finiex_killed_after_two_scenarios_leaves_their_results_and_an_incomplete_summary()
    {
        var output = Path.Combine(Path.GetTempPath(), $"finiex-kill9-{Guid.NewGuid():N}");
        var before = RunnerProcesses.Pids();
        var start = FiniexProcess.StartInfo(Path.Combine(AppContext.BaseDirectory, "finiex.dll"), "run", FiniexProcess.ExampleSet,
            "--store", FiniexProcess.SampleStore, "--mode", "processes", "--parallel", "1", "--out", output, "--live", "lines");
        start.Environment["FINIEX_RUNNER_FAULT"] = "freeze-loop:nzdusd_may06_consensus"; // the third scenario never ends
        using var finiex = Process.Start(start)!;
        var stderr = new CapturedOutput();
        finiex.ErrorDataReceived += (_, e) => stderr.Append(e.Data);
        finiex.OutputDataReceived += (_, _) => { };
        finiex.BeginErrorReadLine();
        finiex.BeginOutputReadLine();
        try
        {
            await stderr.WaitForAsync(() => stderr.Read().Contains("started  #2", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            var run = Assert.Single(Directory.GetDirectories(Path.Combine(output, "eurusd_example")));
            // The two finished scenarios' files were written before the third started; the summary follows within a second.
            foreach (var name in new[] { "eurusd_may06", "eurusd_may07_bollinger" })
            {
                using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "scenarios", name, "result.json")));
                Assert.Equal("completed", result.RootElement.GetProperty("status").GetString());
                Assert.True(File.Exists(Path.Combine(run, "scenarios", name, "trades.csv")));
                Assert.True(File.Exists(Path.Combine(run, "scenarios", name + ".log")));
            }

            await stderr.WaitForAsync(() => CompletedInSummary(run) == 2, TimeSpan.FromSeconds(60));
            finiex.Kill(entireProcessTree: false); // SIGKILL to finiex alone: its runner notices and exits by itself
            await finiex.WaitForExitAsync();

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
            Assert.False(summary.RootElement.GetProperty("complete").GetBoolean());
            var statuses = summary.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToList();
            Assert.Equal(["completed", "completed", "pending", "pending", "pending", "pending", "pending"], statuses);
            Assert.Equal(5, summary.RootElement.GetProperty("totals").GetProperty("pending").GetInt32());
            RunnerProcesses.AssertNoneSurvives(before);
        }
        finally
        {
            if (!finiex.HasExited)
            {
                finiex.Kill(entireProcessTree: true);
            }

            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void An_unwritable_out_folder_is_refused_before_anything_runs()
    {
        var blocker = Path.GetTempFileName(); // a file where the results folder should go: no one, not even root, can create it
        try
        {
            var result = CliRunner.Run("run", FiniexProcess.ExampleSet, "--store", FiniexProcess.SampleStore, "--out", Path.Combine(blocker, "results"));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("Cannot write results to", result.Error, StringComparison.Ordinal);
            Assert.Contains("--out DIR", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Running", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public void A_scenario_with_a_name_too_long_for_a_file_name_gets_a_safe_folder_and_keeps_its_name()
    {
        var longName = new string('x', 240);
        var set = Path.Combine(Path.GetTempPath(), $"finiex-long-{Guid.NewGuid():N}.json");
        var output = Path.Combine(Path.GetTempPath(), $"finiex-long-out-{Guid.NewGuid():N}");
        File.WriteAllText(set, File.ReadAllText(FiniexProcess.ExampleSet)
            .Replace("\"name\": \"eurusd_grid\"", $"\"name\": \"{longName}\"", StringComparison.Ordinal)
            .Replace("\"../brokers/", $"\"{Path.Combine(RepoPaths.Root, "configs", "brokers")}/", StringComparison.Ordinal));
        try
        {
            var result = CliRunner.Run("run", set, "--store", FiniexProcess.SampleStore, "--out", output, "--mode", "sequential");

            Assert.True(result.ExitCode == 0, result.Out + result.Error);
            var run = Assert.Single(Directory.GetDirectories(Path.Combine(output, "eurusd_example")));
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
            var grid = summary.RootElement.GetProperty("scenarios").EnumerateArray().Where(s => s.GetProperty("name").GetString()!.StartsWith(longName, StringComparison.Ordinal)).ToList();
            Assert.Equal(4, grid.Count);
            foreach (var scenario in grid)
            {
                var folder = scenario.GetProperty("files").GetProperty("folder").GetString()!;
                Assert.True(Path.GetFileName(folder).Length <= 100, folder);
                using var own = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, folder, "result.json")));
                Assert.Equal(scenario.GetProperty("name").GetString(), own.RootElement.GetProperty("name").GetString());
            }
        }
        finally
        {
            File.Delete(set);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static int CompletedInSummary(string run)
    {
        try
        {
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
            return summary.RootElement.GetProperty("totals").GetProperty("completed").GetInt32();
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
