using System.Text.Json;
using Finiex.Contracts.Results;
using Finiex.Core.Scenarios;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Service;
using Finiex.Tests.Shared;

namespace Finiex.Plugins.Tests;

/// <summary>Plug-in code running in every execution mode: isolated per scenario, checked by hash, failing only its own scenario.</summary>
public sealed class PluginRunTests
{
    private static async Task<(BatchResult Batch, string Folder)> Run(string set, ExecutionMode mode, int parallel, Action? afterValidation = null,
        TimeSpan? timeout = null)
    {
        using var job = new BatchJob(new BatchRequest
        {
            SetFile = set,
            StoreFolder = RepoPaths.SampleStore,
            OutRoot = Path.Combine(Path.GetDirectoryName(set)!, "results"),
            Mode = mode,
            Parallel = parallel,
            ScenarioTimeout = timeout,
        });
        job.Validate();
        afterValidation?.Invoke();
        job.Prepare();
        var batch = await job.RunAsync();
        job.Complete(batch);
        return (batch, job.Results.FullPath);
    }

    /// <summary>Two plug-ins, each with a class named Shared.Echo.Strategy (one buys, one sells).</summary>
    private static string TwinSet()
    {
        var folder = PluginCompiler.NewFolder();
        PluginCompiler.Compile(folder, "Buyer", TestPlugins.EchoStrategy("echo_long"));
        PluginCompiler.Compile(folder, "Seller", TestPlugins.EchoStrategy("echo_short", side: "Short"));
        return TestPlugins.Set(folder, ["Buyer.dll", "Seller.dll"], ["echo_long", "echo_short", "echo_long", "echo_short", "echo_long"]);
    }

    [Theory]
    [InlineData(ExecutionMode.Processes, 1)]
    [InlineData(ExecutionMode.Threads, 2)]
    [InlineData(ExecutionMode.Sequential, 1)]
    public async Task Plugins_with_the_same_full_type_name_run_side_by_side_and_no_static_outlives_its_scenario(ExecutionMode mode, int parallel)
    {
        var (batch, _) = await Run(TwinSet(), mode, parallel);

        Assert.True(batch.AllCompleted, string.Join("\n", batch.Scenarios.Select(s => s.Result.Error?.Message)));
        Assert.Equal(["long", "short", "long", "short", "long"], batch.Scenarios.Select(s => s.Result.Trades[0].Side));
        // Every strategy was the first its load context built: with one runner (or one thread) doing all five, a static
        // counter shared between scenarios would have made the later ones trade 0.2, 0.3... lots.
        Assert.All(batch.Scenarios, s => Assert.Equal(0.1, s.Result.Trades[0].Lots));
        Assert.Equal(["Buyer", "Seller"], batch.Scenarios[0].Result.Plugins.Select(p => p.AssemblyName));
    }

    [Fact]
    public async Task A_plugins_results_are_identical_in_every_mode_and_record_what_ran()
    {
        var set = TwinSet();
        var runs = new List<string>();
        foreach (var (mode, parallel) in new[] { (ExecutionMode.Processes, 2), (ExecutionMode.Threads, 2), (ExecutionMode.Sequential, 1) })
        {
            var (batch, folder) = await Run(set, mode, parallel);
            Assert.True(batch.AllCompleted);
            runs.Add(JsonSerializer.Serialize(batch.Scenarios.Select(s => new { s.Name, s.Result.Statistics, s.Result.Trades })));
            var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json"))).RootElement;
            var recorded = summary.GetProperty("scenarios")[1].GetProperty("plugins")[1];
            Assert.Equal("Seller", recorded.GetProperty("assembly_name").GetString());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(set)!, "Seller.dll")))),
                recorded.GetProperty("sha256").GetString());
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.Equal(runs[0], runs[2]);
    }

    [Fact]
    public async Task A_plugin_that_throws_or_crashes_its_runner_fails_only_its_own_scenario()
    {
        var folder = PluginCompiler.NewFolder();
        PluginCompiler.Compile(folder, "Buyer", TestPlugins.EchoStrategy("echo_long"));
        PluginCompiler.Compile(folder, "Thrower", TestPlugins.EchoStrategy("thrower", onTick: "if (context.TickIndex == 500) throw new System.InvalidOperationException(\"division by zero in my indicator\");"));
        PluginCompiler.Compile(folder, "Crasher", TestPlugins.EchoStrategy("crasher", onTick: "if (context.TickIndex == 500) System.Environment.FailFast(\"plug-in gave up\");"));
        var set = TestPlugins.Set(folder, ["Buyer.dll", "Thrower.dll", "Crasher.dll"], ["thrower", "echo_long", "crasher", "echo_long"]);

        var (batch, _) = await Run(set, ExecutionMode.Processes, 1);

        var results = batch.Scenarios.Select(s => s.Result).ToList();
        Assert.Equal([false, true, false, true], results.Select(r => r.Success));
        Assert.Equal(FailureKind.ScenarioError, results[0].Error!.Kind);
        Assert.Contains("division by zero in my indicator", results[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.RunnerCrashed, results[2].Error!.Kind);
    }

    [Fact]
    public async Task A_plugin_that_loops_forever_is_stopped_by_the_scenario_timeout_and_the_others_complete()
    {
        var folder = PluginCompiler.NewFolder();
        PluginCompiler.Compile(folder, "Buyer", TestPlugins.EchoStrategy("echo_long"));
        PluginCompiler.Compile(folder, "Looper", TestPlugins.EchoStrategy("looper", onTick: "while (context.TickIndex == 500) { }"));
        // The looper goes first: the first scenario on a fresh runner also pays the runner's JIT and the plug-in's load,
        // which in a full parallel test run once took an innocent first scenario past a 2 s limit. The other two run
        // fused after it, on the fresh runner that replaces the killed one, with twice the limit between them.
        var set = TestPlugins.Set(folder, ["Buyer.dll", "Looper.dll"], ["looper", "echo_long", "echo_long"]);

        var (batch, _) = await Run(set, ExecutionMode.Processes, 1, timeout: TimeSpan.FromSeconds(3));

        Assert.True(batch.Scenarios.Select(s => s.Result.Success).SequenceEqual([false, true, true]),
            string.Join("\n", batch.Scenarios.Select(s => $"{s.Name}: {s.Result.Error}")));
        Assert.Equal(FailureKind.TimedOut, batch.Scenarios[0].Result.Error!.Kind);
    }

    [Fact]
    public async Task A_plugin_rebuilt_after_validation_is_refused_by_the_runner()
    {
        var folder = PluginCompiler.NewFolder();
        var dll = PluginCompiler.Compile(folder, "Buyer", TestPlugins.EchoStrategy("echo_long"));
        var set = TestPlugins.Set(folder, ["Buyer.dll"], ["echo_long"]);

        foreach (var mode in new[] { ExecutionMode.Processes, ExecutionMode.Threads })
        {
            var (batch, _) = await Run(set, mode, 1, afterValidation: () => PluginCompiler.Compile(folder, "Buyer", TestPlugins.EchoStrategy("echo_long", side: "Short")));

            var error = Assert.Single(batch.Scenarios).Result.Error!;
            Assert.Equal(FailureKind.PluginFailed, error.Kind);
            Assert.Contains($"plug-in {dll} changed after the set was validated", error.Message, StringComparison.Ordinal);
            PluginCompiler.Compile(folder, "Buyer", TestPlugins.EchoStrategy("echo_long"));
        }
    }
}
