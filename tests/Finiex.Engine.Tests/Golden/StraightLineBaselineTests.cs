using Finiex.Benchmarks.Baselines;

namespace Finiex.Engine.Tests.Golden;

/// <summary>
/// The benchmarks report the engine as a multiple of a hand-written straight-line loop; that ratio means something
/// only if the loop computes the same thing. Here it must give the engine's trades and statistics bit for bit.
/// </summary>
public sealed class StraightLineBaselineTests
{
    private const string Set = """
        {
          "name": "baseline",
          "defaults": {
            "strategy": {
              "workers": {
                "rsi": { "type": "rsi", "timeframe": "M5", "params": { "period": 14, "smoothing": "wilder" } },
                "band": { "type": "envelope", "timeframe": "M30", "params": { "period": 20, "deviation_pct": 0.1 } }
              },
              "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
            },
            "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}", "latency_ticks": { "min": 1, "max": 3 } }
          },
          "scenarios": [
            { "name": "reference_day", "symbol": "EURUSD", "start": "2014-05-06T00:00:00Z", "end": "2014-05-07T00:00:00Z" },
            { "name": "costs_and_swap", "symbol": "EURUSD", "start": "2014-05-05T20:00:00Z", "end": "2014-05-08T00:00:00Z",
              "overrides": {
                "strategy": {
                  "workers": { "rsi": { "timeframe": "M15", "params": { "period": 9 } }, "band": { "timeframe": "H1", "params": { "period": 12, "deviation_pct": 0.05 } } },
                  "decision": { "params": { "rsi_buy": 25, "rsi_sell": 75, "band_low": 0.1, "band_high": 0.9, "min_confidence": 0.5, "lot_size": 0.2 } }
                },
                "account": { "commission_per_lot": 3.5, "latency_ticks": { "min": 2, "max": 7 }, "latency_seed": 7 }
              } },
            { "name": "nzdusd", "symbol": "NZDUSD", "start": "2014-05-06T00:00:00Z", "end": "2014-05-08T00:00:00Z" }
          ]
        }
        """;

    public static TheoryData<int> Scenarios => [0, 1, 2];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Straight_line_loop_gives_the_engines_results(int index)
    {
        var report = EngineRun.Load(Set, EngineRun.SampleStore);
        var (package, result) = EngineRun.Run(report, EngineRun.SampleStore)[index];
        using var file = EngineRun.SampleStore.OpenTicks(package.Symbol);
        var (start, end) = (package.Ticks.StartIndex, package.Ticks.EndIndex);

        var straight = StraightLineReference.Run(package, file.Times(start, end), file.Bids(start, end), file.Asks(start, end));

        Assert.True(result.Trades.Count >= 2, $"scenario should trade (got {result.Trades.Count})");
        if (index == 1)
        {
            Assert.Contains(result.Trades, t => t.Swap != 0 && t.Commission != 0); // the costs are exercised, not just allowed
        }

        Assert.Null(straight.DifferenceFrom(result));
    }

    [Fact]
    public void A_difference_is_reported()
    {
        var report = EngineRun.Load(Set, EngineRun.SampleStore);
        var (package, result) = EngineRun.Run(report, EngineRun.SampleStore)[0];
        using var file = EngineRun.SampleStore.OpenTicks(package.Symbol);
        var (start, end) = (package.Ticks.StartIndex, package.Ticks.EndIndex - 1);

        var shorter = StraightLineReference.Run(package, file.Times(start, end), file.Bids(start, end), file.Asks(start, end));

        Assert.NotNull(shorter.DifferenceFrom(result));
    }
}
