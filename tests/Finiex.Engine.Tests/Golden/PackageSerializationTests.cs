using System.Text.Json;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Finiex.Orchestration.Results;
using MessagePack;

namespace Finiex.Engine.Tests.Golden;

/// <summary>Packages and results survive MessagePack (what crosses the pipe to a runner) with identical outcomes.</summary>
public sealed class PackageSerializationTests
{
    [Fact]
    public void A_package_round_trips_and_runs_to_the_same_result_which_also_round_trips()
    {
        var report = new Scenarios.ScenarioSetLoader(StrategyCatalog.CreateDefault(), EngineRun.SampleStore)
            .Load(Path.Combine(Finiex.Tests.Shared.RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json"));
        var (package, direct) = EngineRun.Run(report, EngineRun.SampleStore, new RunOptions { TraceBars = true })[1];

        var bytes = MessagePackSerializer.Serialize(package);
        var copy = MessagePackSerializer.Deserialize<ProcessDataPackage>(bytes);
        Assert.True(bytes.Length < 64 * 1024, $"a package references its ticks; {bytes.Length} bytes is too big");
        Assert.Equal(Json(package), Json(copy));

        var fromCopy = new ScenarioRunner(StrategyCatalog.CreateDefault(), StoreTickData.Open).Run(copy);
        Assert.Equal(Json(direct.Statistics), Json(fromCopy.Statistics));
        Assert.Equal(ResultFiles.TradesCsv(direct.Trades), ResultFiles.TradesCsv(fromCopy.Trades));

        var result = MessagePackSerializer.Deserialize<ProcessResult>(MessagePackSerializer.Serialize(fromCopy));
        Assert.Equal(Json(fromCopy.Statistics), Json(result.Statistics));
        Assert.Equal(ResultFiles.TradesCsv(fromCopy.Trades), ResultFiles.TradesCsv(result.Trades));
        Assert.Equal(fromCopy.Log.Count, result.Log.Count);
        Assert.Equal(Json(fromCopy.BarTraces), Json(result.BarTraces));
    }

    [Fact]
    public void An_inline_package_runs_like_a_store_referencing_one()
    {
        var report = new Scenarios.ScenarioSetLoader(StrategyCatalog.CreateDefault(), EngineRun.SampleStore)
            .Load(Path.Combine(Finiex.Tests.Shared.RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json"));
        var (package, direct) = EngineRun.Run(report, EngineRun.SampleStore)[0];
        using var ticks = StoreTickData.Open(package.Ticks);
        var inline = package with
        {
            Ticks = new TickSource { InlineTimes = ticks.Times.ToArray(), InlineBids = ticks.Bids.ToArray(), InlineAsks = ticks.Asks.ToArray() },
        };

        var result = new ScenarioRunner(StrategyCatalog.CreateDefault(), StoreTickData.Open)
            .Run(MessagePackSerializer.Deserialize<ProcessDataPackage>(MessagePackSerializer.Serialize(inline)));

        Assert.Equal(Json(direct.Statistics), Json(result.Statistics));
    }

    [Fact]
    public void A_scenario_whose_store_changed_since_it_was_prepared_fails_as_data_changed_instead_of_throwing()
    {
        var report = new Scenarios.ScenarioSetLoader(StrategyCatalog.CreateDefault(), EngineRun.SampleStore)
            .Load(Path.Combine(Finiex.Tests.Shared.RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json"));
        var (package, _) = EngineRun.Run(report, EngineRun.SampleStore)[0];
        var broken = package with { Ticks = package.Ticks with { ExpectedFileTicks = 12 } };

        var result = new ScenarioRunner(StrategyCatalog.CreateDefault(), StoreTickData.Open).Run(broken);

        Assert.False(result.Success);
        Assert.Equal(Contracts.Results.FailureKind.DataChanged, result.Error!.Kind);
        Assert.Contains("changed since this batch prepared", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("Run the batch again", result.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("corrupt", result.Error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(result.Log, l => l.Level == "ERROR");
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ResultsJson.Options);
}
