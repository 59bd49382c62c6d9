using System.Text.Json;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Examples;
using Finiex.Scenarios;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Tests.Extending;

/// <summary>The block-deciding example of docs/extending.md, registered through its plug-in class: the same results deciding blocks as tick by tick.</summary>
public sealed class BlockDecidingExampleTests
{
    [Fact]
    public void A_logic_deciding_whole_blocks_through_the_public_api_gives_the_results_of_deciding_tick_by_tick()
    {
        var catalog = StrategyCatalog.CreateDefault();
        new ExamplePlugin().Register(catalog);
        catalog.Add(new DecisionRegistration(RsiExtremes.Info with { TypeName = "rsi_extremes_ticks" }, c =>
            new RsiExtremes(c.Input<OscillatorWorker>("rsi"), c.Parameters.Number("buy_below"), c.Parameters.Number("sell_above"), decideBlocks: false)));

        var results = new[] { "rsi_extremes", "rsi_extremes_ticks" }.Select(type => Run(catalog, type)).ToList();

        Assert.All(results, r => Assert.True(r.Success, r.Error?.ToString()));
        Assert.True(results[0].Statistics!.Trades > 5);
        Assert.Equal(JsonSerializer.Serialize(results[0].Statistics), JsonSerializer.Serialize(results[1].Statistics));
        Assert.Equal(JsonSerializer.Serialize(results[0].Trades), JsonSerializer.Serialize(results[1].Trades));
    }

    private static Contracts.Results.ProcessResult Run(StrategyCatalog catalog, string decisionType)
    {
        var path = Path.Combine(Path.GetTempPath(), $"finiex-blocks-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""
            {
              "name": "blocks",
              "defaults": {
                "strategy": {
                  "workers": { "rsi": { "type": "rsi", "timeframe": "M1", "params": { "period": 7 } } },
                  "decision": { "type": "{{decisionType}}", "inputs": { "rsi": "rsi" }, "params": { "buy_below": 25, "sell_above": 75 } }
                },
                "account": { "initial_balance": 10000, "currency": "USD", "broker": "{{Golden.EngineRun.Broker}}", "latency_ticks": { "min": 1, "max": 4 },
                             "stop_loss_points": 80, "take_profit_points": 120 }
              },
              "scenarios": [ { "name": "a", "symbol": "EURUSD", "start": "2014-05-06", "max_ticks": 150000 } ]
            }
            """);
        try
        {
            var report = new ScenarioSetLoader(catalog, Golden.EngineRun.SampleStore).Load(path);
            Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
            using var builder = new Orchestration.Preparation.PackageBuilder(Golden.EngineRun.SampleStore, new Contracts.Packages.RunOptions());
            return new Engine.Loop.ScenarioRunner(catalog, StoreTickData.Open).Run(builder.Build("blocks", report.Scenarios[0].Config!));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
