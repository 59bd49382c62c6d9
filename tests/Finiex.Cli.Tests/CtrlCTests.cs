using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Finiex.Tests.Shared;

namespace Finiex.Cli.Tests;

/// <summary>
/// Ctrl+C on a real <c>finiex run</c> process: the first press cancels gracefully, the second kills runners that do not
/// stop, and the results so far are still written.
/// </summary>
[Collection("processes")]
public sealed class CtrlCTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_second_ctrl_c_kills_runners_that_ignore_the_first_and_results_are_still_written()
    {
        var output = Path.Combine(Path.GetTempPath(), $"finiex-ctrlc-{Guid.NewGuid():N}");
        var before = RunnerProcesses.Pids();
        var start = FiniexProcess.StartInfo(Path.Combine(AppContext.BaseDirectory, "finiex.dll"), "run", FiniexProcess.ExampleSet,
            "--store", FiniexProcess.SampleStore, "--mode", "processes", "--parallel", "1", "--out", output, "--live", "lines");
        start.Environment["FINIEX_RUNNER_FAULT"] = "ignore-cancel:eurusd_may06"; // the first scenario never stops by itself
        using var finiex = Process.Start(start)!;
        var stderr = new CapturedOutput();
        var stdout = new CapturedOutput();
        finiex.ErrorDataReceived += (_, e) => stderr.Append(e.Data);
        finiex.OutputDataReceived += (_, e) => stdout.Append(e.Data);
        finiex.BeginErrorReadLine();
        finiex.BeginOutputReadLine();
        try
        {
            await stderr.WaitForAsync(() => stderr.Read().Contains("started  #0 eurusd_may06", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            Interrupt(finiex);
            await stderr.WaitForAsync(() => stderr.Read().Contains("Canceling", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            await Task.Delay(500);
            Assert.False(finiex.HasExited, "the first Ctrl+C waits for running scenarios (this runner ignores the cancel)");

            Interrupt(finiex);
            await finiex.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            finiex.WaitForExit(); // drains the output events
            Assert.Equal(1, finiex.ExitCode);
            RunnerProcesses.AssertNoneSurvives(before);

            var summary = Directory.GetFiles(output, "summary.json", SearchOption.AllDirectories).Single();
            using var json = JsonDocument.Parse(File.ReadAllText(summary));
            var scenarios = json.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
            Assert.Equal(7, scenarios.Count);
            Assert.All(scenarios, s => Assert.Equal("canceled", s.GetProperty("status").GetString()));
            Assert.Equal("canceled", scenarios[0].GetProperty("error").GetProperty("kind").GetString());
            // Killed by the second press, not after the 5 s cancel grace a runner ignoring the cancel would otherwise get.
            Assert.Contains("killed on request", scenarios[0].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("Results:", stdout.Read(), StringComparison.Ordinal);
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

    [Fact(Timeout = 120_000)]
    public async Task A_ctrl_c_typed_on_a_terminal_cancels_through_the_parent_and_does_not_kill_the_runners()
    {
        // A real pseudo-terminal (script(1)): Ctrl+C typed there is SIGINT to the whole foreground process group, runners
        // included. They must survive it, so the running scenario is canceled by the parent, not lost to "signal 2".
        var output = Path.Combine(Path.GetTempPath(), $"finiex-pty-{Guid.NewGuid():N}");
        var before = RunnerProcesses.Pids();
        var finiexCommand = string.Join(' ', new[]
        {
            "env", FiniexProcess.DefaultSignals, FiniexProcess.DotnetHost, Path.Combine(AppContext.BaseDirectory, "finiex.dll"), "run",
            FiniexProcess.ExampleSet, "--store", FiniexProcess.SampleStore, "--mode", "processes", "--parallel", "1", "--out", output, "--live", "lines",
        }.Select(a => $"'{a}'"));
        var start = new ProcessStartInfo("script", ["-qfec", $"FINIEX_RUNNER_FAULT=slow-loop:eurusd_may06 exec {finiexCommand}", "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var terminal = Process.Start(start)!;
        var screen = new CapturedOutput();
        terminal.OutputDataReceived += (_, e) => screen.Append(e.Data);
        terminal.ErrorDataReceived += (_, e) => screen.Append(e.Data);
        terminal.BeginOutputReadLine();
        terminal.BeginErrorReadLine();
        try
        {
            await screen.WaitForAsync(() => screen.Read().Contains("started  #0 eurusd_may06", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            await terminal.StandardInput.WriteAsync('\x03'); // Ctrl+C, as typed
            await terminal.StandardInput.FlushAsync();
            await terminal.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            terminal.WaitForExit();
            RunnerProcesses.AssertNoneSurvives(before);

            var summary = Directory.GetFiles(output, "summary.json", SearchOption.AllDirectories).Single();
            using var json = JsonDocument.Parse(File.ReadAllText(summary));
            Assert.True(json.RootElement.GetProperty("complete").GetBoolean(), screen.Read());
            var first = json.RootElement.GetProperty("scenarios")[0];
            Assert.Equal("canceled", first.GetProperty("status").GetString());
            var message = first.GetProperty("error").GetProperty("message").GetString()!;
            Assert.DoesNotContain("signal", message, StringComparison.Ordinal);
            Assert.DoesNotContain("killed", message, StringComparison.Ordinal);
            Assert.All(json.RootElement.GetProperty("scenarios").EnumerateArray(), s => Assert.Equal("canceled", s.GetProperty("status").GetString()));
        }
        finally
        {
            if (!terminal.HasExited)
            {
                terminal.Kill(entireProcessTree: true);
            }

            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static void Interrupt(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
