using System.Text.RegularExpressions;
using Finiex.Tests.Shared;

namespace Finiex.Cluster.Tests;

/// <summary>
/// <c>finiex run --cluster slurm</c> on a real Slurm cluster: runners placed by Slurm as steps of one job, dialling back
/// over TCP, give the results of a local run bit for bit (reading the store, or with the ticks shipped); a task killed
/// from outside is replaced and its scenario run again; Ctrl+C cancels the job. Each test leaves no job behind.
/// </summary>
[Trait("Category", "Slurm")]
[Collection("slurm")]
public sealed partial class SlurmRunTests
{
    private static string ExampleSet => FiniexProcess.ExampleSet;

    [SkippableFact(Timeout = 300_000)]
    public async Task The_example_set_on_Slurm_gives_the_local_results_bit_for_bit_reading_the_store_or_with_shipped_ticks()
    {
        SlurmCluster.Require();
        await using var local = ClusterRun.Start(ExampleSet, null, "--mode", "processes", "--parallel", "2");
        Assert.Equal(0, await local.WaitAsync(TimeSpan.FromMinutes(2)));
        await using var slurm = ClusterRun.Start(ExampleSet, null, "--cluster", "slurm", "--ntasks", "2");
        Assert.Equal(0, await slurm.WaitAsync(TimeSpan.FromMinutes(2)));
        await using var shipped = ClusterRun.Start(ExampleSet, null, "--cluster", "slurm", "--ntasks", "2", "--ship-ticks");
        Assert.Equal(0, await shipped.WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.Equal(local.ResultsFingerprint(), slurm.ResultsFingerprint());
        Assert.Equal(local.ResultsFingerprint(), shipped.ResultsFingerprint());
        var output = slurm.Lines.Read();
        var job = SlurmCluster.JobIdIn(output);
        Assert.NotNull(job);
        Assert.Contains($"Ran on slurm job {job} on ", output, StringComparison.Ordinal);
        Assert.Matches(@"Runner pid \d+ on \S+ ready in \d+ ms \(protocol \d+, slurm job \d+ step \d+ on \S+\)", output); // the runners are Slurm steps
        Assert.Contains("Runners read the tick store", output, StringComparison.Ordinal);
        Assert.Contains("Ticks are shipped in the run requests (--ship-ticks)", shipped.Lines.Read(), StringComparison.Ordinal);
        Assert.Contains("Shipped 4 tick range(s)", shipped.Lines.Read(), StringComparison.Ordinal);
        using var summary = slurm.Summary();
        Assert.Equal($"slurm job {job} on {Environment.MachineName}", summary.RootElement.GetProperty("cluster").GetString());
        await AssertGoneAsync(job!);
        await AssertGoneAsync(SlurmCluster.JobIdIn(shipped.Lines.Read())!);
    }

    [SkippableFact(Timeout = 300_000)]
    public async Task A_task_killed_from_outside_is_replaced_and_its_scenario_runs_again_to_the_same_result()
    {
        SlurmCluster.Require();
        await using var local = ClusterRun.Start(ExampleSet, null, "--mode", "processes", "--parallel", "2");
        Assert.Equal(0, await local.WaitAsync(TimeSpan.FromMinutes(2)));
        // eurusd_may06 takes a while (each of its tick-loop checkpoints sleeps 100 ms): long enough to kill its step mid-run.
        await using var slurm = ClusterRun.Start(ExampleSet, new Dictionary<string, string> { ["FINIEX_RUNNER_FAULT"] = "slow-loop:eurusd_may06" },
            "--cluster", "slurm", "--ntasks", "2");
        await slurm.Lines.WaitForAsync(() => slurm.Lines.Contains("started  #0 eurusd_may06"), TimeSpan.FromMinutes(2));
        var slot = SlotOf(slurm.Lines.Read(), 0);
        await slurm.Lines.WaitForAsync(() => StepOfSlot(slurm.Lines.Read(), slot) is not null, TimeSpan.FromMinutes(1));
        var step = StepOfSlot(slurm.Lines.Read(), slot)!;
        await Task.Delay(1000);
        SlurmCluster.Cancel(step); // as an operator's scancel of one step, or its node going down

        Assert.Equal(0, await slurm.WaitAsync(TimeSpan.FromMinutes(3)));
        var output = slurm.Lines.Read();
        Assert.Contains("The runner of scenario #0 eurusd_may06 was lost: running it once more on a new runner", output, StringComparison.Ordinal);
        Assert.Equal(local.ResultsFingerprint(), slurm.ResultsFingerprint());
        await AssertGoneAsync(SlurmCluster.JobIdIn(output)!);
    }

    [SkippableFact(Timeout = 300_000)]
    public async Task Ctrl_c_cancels_the_Slurm_job_and_keeps_what_finished()
    {
        SlurmCluster.Require();
        await using var slurm = ClusterRun.Start(ExampleSet, new Dictionary<string, string> { ["FINIEX_RUNNER_FAULT"] = "slow-loop:eurusd_may06" },
            "--cluster", "slurm", "--ntasks", "2");
        await slurm.Lines.WaitForAsync(() => slurm.Lines.Contains("finished #1 "), TimeSpan.FromMinutes(2));
        var job = SlurmCluster.JobIdIn(slurm.Lines.Read())!;
        Assert.Contains(job, SlurmCluster.Jobs());

        slurm.Interrupt();

        Assert.Equal(1, await slurm.WaitAsync(TimeSpan.FromMinutes(1)));
        await AssertGoneAsync(job);
        using var summary = slurm.Summary();
        var scenarios = summary.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal("completed", scenarios[1].GetProperty("status").GetString());
        Assert.Equal("canceled", scenarios[0].GetProperty("status").GetString());
    }

    [SkippableFact(Timeout = 300_000)]
    public async Task A_job_out_of_time_fails_what_is_left_with_that_reason_and_keeps_what_finished()
    {
        SlurmCluster.Require();
        // One task, every scenario slowed (100 ms per tick-loop checkpoint): the batch needs longer than the job's minute.
        await using var slurm = ClusterRun.Start(ExampleSet, new Dictionary<string, string> { ["FINIEX_RUNNER_FAULT"] = "slow-loop:*" },
            "--cluster", "slurm", "--ntasks", "1", "--time", "1");

        Assert.Equal(1, await slurm.WaitAsync(TimeSpan.FromMinutes(4)));
        using var summary = slurm.Summary();
        Assert.True(summary.RootElement.GetProperty("complete").GetBoolean());
        var scenarios = summary.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Contains(scenarios, s => s.GetProperty("status").GetString() == "completed");
        var failed = scenarios.Where(s => s.GetProperty("status").GetString() != "completed").ToList();
        Assert.NotEmpty(failed);
        var job = SlurmCluster.JobIdIn(slurm.Lines.Read())!;
        Assert.All(failed, s => Assert.Contains($"Slurm job {job} is TIMEOUT: its time limit", s.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal));
        await AssertGoneAsync(job);
    }

    [SkippableFact(Timeout = 300_000)]
    public async Task The_bench_measures_runners_on_Slurm_beside_local_ones()
    {
        SlurmCluster.Require();
        var certificate = Path.Combine(Path.GetTempPath(), $"finiex-bench-slurm-{Guid.NewGuid():N}.json");
        var start = FiniexProcess.StartInfo(Path.Combine(AppContext.BaseDirectory, "finiex.dll"), "bench", "--load", "tiny", "--scenarios", "8", "--modes", "processes,slurm",
            "--fusion", "on", "--parallel", "2", "--repeat", "1", "--store", RepoPaths.SampleStore, "--out", certificate);
        using var bench = System.Diagnostics.Process.Start(start)!;
        var output = bench.StandardOutput.ReadToEndAsync();
        var error = bench.StandardError.ReadToEndAsync();
        await bench.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        try
        {
            Assert.True(bench.ExitCode == 0, await output + await error);
            using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(certificate));
            var modes = json.RootElement.GetProperty("modes").EnumerateArray().ToList();
            Assert.Equal(["processes", "slurm"], modes.Select(m => m.GetProperty("mode").GetString()));
            Assert.All(modes, m => Assert.Equal(0, m.GetProperty("failed").GetInt32()));
            Assert.All(modes, m => Assert.Equal(2, m.GetProperty("runner_starts_ms").GetArrayLength()));
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    /// <summary>No job or step of <paramref name="job"/> is left in the queue (Slurm may take a moment to clean up a canceled one).</summary>
    private static async Task AssertGoneAsync(string job)
    {
        for (var i = 0; i < 50 && (SlurmCluster.Jobs().Contains(job) || SlurmCluster.Steps(job).Count > 0); i++)
        {
            await Task.Delay(200);
        }

        Assert.DoesNotContain(job, SlurmCluster.Jobs());
        Assert.Empty(SlurmCluster.Steps(job));
    }

    private static int SlotOf(string output, int scenario) =>
        int.Parse(Regex.Match(output, $@"slot (?<slot>\d+) started  #{scenario} ").Groups["slot"].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Slurm step of the runner a slot started last (its "ready" line names it); null before that line.</summary>
    private static string? StepOfSlot(string output, int slot) =>
        RunnerReady().Matches(output).LastOrDefault(m => m.Groups["slot"].Value == slot.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } match
            ? $"{match.Groups["job"].Value}.{match.Groups["step"].Value}"
            : null;

    [GeneratedRegex(@"slot (?<slot>\d+) INFO : Runner pid \d+ on \S+ ready in \d+ ms \(protocol \d+, slurm job (?<job>\d+) step (?<step>\d+)")]
    private static partial Regex RunnerReady();
}
