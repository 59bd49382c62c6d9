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

            // Resumed, it runs only the five that were missing and ends with the summary an uninterrupted run writes.
            var keptResult = Path.Combine(run, "scenarios", "eurusd_may06", "result.json");
            var keptWritten = File.GetLastWriteTimeUtc(keptResult);
            var resumed = CliRunner.Run("run", "--resume", run, "--store", FiniexProcess.SampleStore, "--mode", "threads", "--json", "--live", "none");
            Assert.True(resumed.ExitCode == 0, resumed.Error);
            Assert.Contains("2 scenario(s) completed before are kept", resumed.Error, StringComparison.Ordinal);
            Assert.Equal(keptWritten, File.GetLastWriteTimeUtc(keptResult)); // kept as it was, not run again
            var fresh = CliRunner.Run("run", FiniexProcess.ExampleSet, "--store", FiniexProcess.SampleStore, "--mode", "sequential", "--json", "--live", "none",
                "--out", Path.Combine(output, "fresh"));
            Assert.Equal(0, fresh.ExitCode);
            using var after = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
            using var uninterrupted = JsonDocument.Parse(fresh.Out);
            Assert.True(after.RootElement.GetProperty("complete").GetBoolean());
            Assert.Equal(StatisticsOf(uninterrupted), StatisticsOf(after));
            Assert.Equal(summary.RootElement.GetProperty("started_at").GetString(), after.RootElement.GetProperty("started_at").GetString());
            Assert.True(File.Exists(Path.Combine(run, "report.html")));
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

    /// <summary>Per scenario: name, status, statistics and report statistics, as JSON text (timings left out: they differ run to run).</summary>
    private static List<string> StatisticsOf(JsonDocument summary) => [.. summary.RootElement.GetProperty("scenarios").EnumerateArray().Select(s =>
        $"{s.GetProperty("name")} {s.GetProperty("status")} {s.GetProperty("statistics").GetRawText()} {s.GetProperty("report_statistics").GetRawText()}")];

    [Fact]
    public void Resuming_refuses_a_set_that_changed_since_the_run_started()
    {
        var output = Path.Combine(Path.GetTempPath(), $"finiex-resume-{Guid.NewGuid():N}");
        try
        {
            Assert.Equal(0, CliRunner.Run("run", FiniexProcess.ExampleSet, "--store", FiniexProcess.SampleStore, "--mode", "threads", "--out", output, "--live", "none").ExitCode);
            var run = Assert.Single(Directory.GetDirectories(Path.Combine(output, "eurusd_example")));
            var config = Path.Combine(run, "config.json");
            File.WriteAllText(config, File.ReadAllText(config).Replace("\"set_sha256\": \"", "\"set_sha256\": \"0", StringComparison.Ordinal));

            var result = CliRunner.Run("run", "--resume", run, "--store", FiniexProcess.SampleStore, "--live", "none");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("changed since the run", result.Error, StringComparison.Ordinal);
            Assert.Contains("finiex run ", result.Error, StringComparison.Ordinal);
            Assert.Equal(2, CliRunner.Run("run", "--resume", Path.GetTempPath(), "--live", "none").ExitCode);
        }
        finally
        {
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
