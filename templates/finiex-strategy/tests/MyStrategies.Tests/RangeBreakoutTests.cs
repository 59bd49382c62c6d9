using System.Reflection;
using Finiex.Core.Scenarios;
using Finiex.Orchestration.Service;
using Finiex.Sdk.Catalog;

namespace MyStrategies.Tests;

public sealed class RangeBreakoutTests
{
    private static string Setting(string key) =>
        typeof(RangeBreakoutTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    [Fact]
    public void The_plugin_registers_range_breakout_with_its_defaults()
    {
        var registered = new List<StrategyRegistration>();
        new Plugin().Register(new Collector(registered));

        var info = Assert.Single(registered).Info;
        Assert.Equal(RangeBreakout.TypeName, info.TypeName);
        var defaults = ParameterSet.Defaults(info.Parameters);
        Assert.Equal(20, defaults.Integer("lookback"));
        Assert.Equal("M15", Assert.Single(info.Bars(defaults)).Timeframe.Name);
    }

    [Fact]
    public async Task The_scenario_set_runs_on_the_sample_and_trades()
    {
        using var job = new BatchJob(new BatchRequest
        {
            SetFile = Path.Combine(Setting("ScenarioSets"), "my_strategy.json"),
            StoreFolder = Path.Combine(Setting("FiniexRoot"), "data", "store"),
            OutRoot = null, // results in memory only
            Mode = ExecutionMode.Sequential,
        });
        var report = job.Validate();
        Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));

        var batch = await job.RunAsync();

        Assert.True(batch.AllCompleted, string.Join("\n", batch.Scenarios.Select(s => s.Result.Error?.Message)));
        Assert.All(batch.Scenarios, s => Assert.True(s.Result.Statistics!.Trades > 0, $"{s.Name} did not trade"));
    }

    private sealed class Collector(List<StrategyRegistration> strategies) : ITypeRegistry
    {
        public void Add(WorkerRegistration worker) => throw new InvalidOperationException("no workers expected");

        public void Add(DecisionRegistration decision) => throw new InvalidOperationException("no decision logics expected");

        public void Add(StrategyRegistration strategy) => strategies.Add(strategy);
    }
}
