using System.Diagnostics;
using System.Text.Json;
using Finiex.Tests.Shared;

namespace Finiex.Plugins.Tests;

/// <summary>
/// A trader's first hour, offline: install the repository's dotnet new template, create a plug-in from it, build it
/// against this checkout's Finiex.Sdk, run its own tests, validate its scenario set and run it in processes and threads
/// modes with the same results.
/// </summary>
public sealed class TemplateTests
{
    private static (int Code, string Output) Dotnet(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"dotnet {string.Join(' ', args)} did not finish in 5 minutes");
        return (process.ExitCode, output + error.Result);
    }

    private static void Succeeds(string workingDirectory, params string[] args)
    {
        var (code, output) = Dotnet(workingDirectory, args);
        Assert.True(code == 0, $"dotnet {string.Join(' ', args)} exited with {code}:\n{output}");
    }

    [Fact]
    public void A_plugin_made_from_the_template_builds_validates_and_runs_the_same_in_processes_and_threads()
    {
        var work = PluginCompiler.NewFolder();
        var hive = Path.Combine(work, "template-hive"); // a private template store: the user's own is left alone
        Succeeds(work, "new", "install", Path.Combine(RepoPaths.Root, "templates", "finiex-strategy"), "--debug:custom-hive", hive);
        Succeeds(work, "new", "finiex-strategy", "-n", "TraderStrategies", "-o", "TraderStrategies", "--finiex", RepoPaths.Root, "--debug:custom-hive", hive);
        var project = Path.Combine(work, "TraderStrategies");

        // The Finiex projects it references were built with these tests: build only the template's own projects.
        Succeeds(project, "build", "src/TraderStrategies", "-p:BuildProjectReferences=false");
        Succeeds(project, "build", "tests/TraderStrategies.Tests", "-p:BuildProjectReferences=false");
        Succeeds(project, "test", "tests/TraderStrategies.Tests", "--no-build");

        var set = Path.Combine(project, "scenario_sets", "my_strategy.json");
        FiniexCommand.Succeeds("validate", set, "--store", RepoPaths.SampleStore);
        var results = new Dictionary<string, string>();
        foreach (var mode in new[] { "processes", "threads" })
        {
            var output = Path.Combine(work, $"results-{mode}");
            FiniexCommand.Succeeds("run", set, "--store", RepoPaths.SampleStore, "--mode", mode, "--parallel", "2", "--out", output, "--live", "none", "--quiet");
            var run = Directory.GetDirectories(Path.Combine(output, "my_strategy")).Single();
            var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))).RootElement;
            var scenarios = summary.GetProperty("scenarios").EnumerateArray().ToList();
            Assert.Equal(3, scenarios.Count);
            Assert.All(scenarios, s => Assert.Equal("completed", s.GetProperty("status").GetString()));
            Assert.All(scenarios, s => Assert.Equal("TraderStrategies", s.GetProperty("plugins")[0].GetProperty("assembly_name").GetString()));
            Assert.True(scenarios.Sum(s => s.GetProperty("statistics").GetProperty("trades").GetInt32()) > 0);
            var trades = Directory.GetFiles(run, "trades.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(3, trades.Count);
            results[mode] = string.Join("\n", scenarios.Select(s => s.GetProperty("statistics").GetRawText()).Concat(trades.Select(File.ReadAllText)));
        }

        Assert.Equal(results["processes"], results["threads"]);
    }
}
