using System.Text.Json;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Engine.Loop;
using Finiex.Engine.Tests.Golden;
using Finiex.Orchestration.Results;

namespace Finiex.Engine.Tests.Loop;

/// <summary>The tick-by-tick loop of strategies that trade through the API: profiling samples it and changes nothing.</summary>
public sealed class StrategyLoopTests
{
    private const string Set = """
        {
          "name": "loop",
          "defaults": {
            "strategy": { "decision": { "type": "channel_breakout", "params": { "timeframe": "M5", "lookback": 12, "trailing_points": 100, "stop_loss_points": 150 } } },
            "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}", "latency_ticks": { "min": 1, "max": 3 } }
          },
          "scenarios": [ { "name": "a", "symbol": "EURUSD", "start": "2014-05-06T00:00:00Z", "end": "2014-05-07T00:00:00Z" } ]
        }
        """;

    [Fact]
    public void Profiling_times_one_tick_in_32_and_changes_no_result()
    {
        var report = EngineRun.Load(Set, EngineRun.SampleStore);
        var (_, profiled) = EngineRun.Run(report, EngineRun.SampleStore, new RunOptions { Profiling = true })[0];
        var (_, plain) = EngineRun.Run(report, EngineRun.SampleStore, new RunOptions { Profiling = false })[0];

        Assert.Equal(Fingerprint(plain), Fingerprint(profiled));
        Assert.NotEmpty(plain.Trades);
        var profile = profiled.Profile!;
        Assert.Equal(StrategyTickLoop.ProfileEvery, profile.SampleEvery);
        Assert.Equal((profile.TicksTotal + 31) / 32, profile.TicksSampled);
        Assert.All(new[] { "trade_simulator", "bar_rendering", "worker_decision" }, step => Assert.True(profile.Operations.Single(o => o.Name == step).TotalMs > 0, step));
        Assert.Null(plain.Profile);
    }

    private static string Fingerprint(ProcessResult result) =>
        $"{JsonSerializer.Serialize(result.Statistics, ResultsJson.Options)}|{ResultFiles.TradesCsv(result.Trades)}|{JsonSerializer.Serialize(result.EquityCurve, ResultsJson.Options)}";
}
