using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Examples;
using Finiex.Scenarios;
using Finiex.Sdk.Time;

namespace Finiex.Engine.Tests.Extending;

/// <summary>The example of docs/extending.md: a user-defined worker registered, validated and computed.</summary>
public sealed class ExtensionExampleTests
{
    [Fact]
    public void The_momentum_example_computes_close_minus_the_close_n_bars_back()
    {
        var momentum = new MomentumWorker("m", Timeframe.M5, 3);
        foreach (var close in new double[] { 1, 2, 4 })
        {
            momentum.CommitClose(close);
            momentum.Update(close);
        }

        Assert.True(momentum.IsReady);
        momentum.Update(7);
        Assert.Equal(7 - 1, momentum.Value); // three bars back from the forming bar
        momentum.CommitClose(7);
        momentum.Update(8);
        Assert.Equal(8 - 2, momentum.Value);
    }

    [Fact]
    public void A_registered_worker_type_is_known_to_validation_and_unknown_without_it()
    {
        var json = """
            {
              "name": "ext",
              "defaults": {
                "strategy": {
                  "workers": {
                    "rsi": { "type": "rsi", "timeframe": "M5" },
                    "band": { "type": "envelope", "timeframe": "M30" },
                    "mom": { "type": "momentum", "timeframe": "M5", "params": { "period": 12 } }
                  },
                  "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
                },
                "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}" }
              },
              "scenarios": [ { "name": "a", "symbol": "EURUSD", "start": "2014-05-06", "max_ticks": 2000 } ]
            }
            """.Replace("{broker}", Golden.EngineRun.Broker, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"finiex-ext-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var plain = new ScenarioSetLoader(StrategyCatalog.CreateDefault(), Golden.EngineRun.SampleStore).Load(path);
            Assert.Contains(plain.AllProblems(), p => p.Message.Contains("unknown worker type 'momentum'", StringComparison.Ordinal));

            var catalog = StrategyCatalog.CreateDefault().Add(MomentumWorker.Registration);
            var extended = new ScenarioSetLoader(catalog, Golden.EngineRun.SampleStore).Load(path);
            Assert.True(extended.IsValid, string.Join("\n", extended.AllProblems()));
            Assert.Equal(12, extended.Scenarios[0].Config!.Strategy.Workers.Single(w => w.Name == "mom").WarmupBars);

            using var builder = new Orchestration.Preparation.PackageBuilder(Golden.EngineRun.SampleStore, new Contracts.Packages.RunOptions { TraceBars = true });
            var result = new Engine.Loop.ScenarioRunner(catalog, StoreTickData.Open).Run(builder.Build("ext", extended.Scenarios[0].Config!));
            Assert.True(result.Success, result.Error?.ToString());
            Assert.Contains("mom", result.BarTraces[0].Columns);
            Assert.Contains(result.Log, l => l is { Level: "INFO", Message: "Momentum over 12 bars" });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
