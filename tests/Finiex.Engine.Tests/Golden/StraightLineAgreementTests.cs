using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Sdk.Time;

namespace Finiex.Engine.Tests.Golden;

/// <summary>
/// The engine against <see cref="StraightLineBacktest"/> on real FXCM ticks (the sample store): same trades, same
/// statistics, bit for bit. Warmup closes for the reference are rebuilt from the raw ticks independently.
/// </summary>
public sealed class StraightLineAgreementTests
{
    private const string Set = """
        {
          "name": "agreement",
          "defaults": {
            "strategy": {
              "workers": {
                "rsi": { "type": "rsi", "timeframe": "M5", "params": { "period": 14, "smoothing": "wilder" } },
                "band": { "type": "envelope", "timeframe": "M30", "params": { "period": 20, "deviation_pct": 0.1 } }
              },
              "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
            },
            "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}", "latency_ticks": { "min": 1, "max": 3 }, "apply_swap": true }
          },
          "scenarios": [
            { "name": "reference_day", "symbol": "EURUSD", "start": "2014-05-06T00:00:00Z", "end": "2014-05-07T00:00:00Z" },
            { "name": "consensus_costs_two_days", "symbol": "EURUSD", "start": "2014-05-06T07:13:00Z", "end": "2014-05-08T04:00:00Z",
              "overrides": {
                "strategy": {
                  "workers": {
                    "rsi": { "params": { "period": 10, "smoothing": "simple" } },
                    "band": { "type": "bollinger", "timeframe": "M15", "params": { "period": 12, "k": 1.5 } }
                  },
                  "decision": { "type": "simple_consensus", "inputs": { "rsi": "rsi", "band": "band" }, "params": { "rsi_low": 40, "rsi_high": 60, "band_low": 0.35, "band_high": 0.65 } }
                },
                "account": { "commission_per_lot": 3.5, "stop_loss_points": 150, "take_profit_points": 250, "latency_ticks": { "min": 2, "max": 7 }, "latency_seed": 7 }
              } },
            { "name": "nzdusd_aggressive", "symbol": "NZDUSD", "start": "2014-05-06T00:00:00Z", "end": "2014-05-08T00:00:00Z",
              "overrides": { "strategy": { "decision": { "params": { "rsi_buy": 40, "rsi_sell": 60, "min_confidence": 0.45, "lot_size": 0.3 } } } } }
          ]
        }
        """;

    public static TheoryData<int> Scenarios => [0, 1, 2];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Engine_and_straight_line_reference_agree_trade_for_trade(int index)
    {
        var report = EngineRun.Load(Set, EngineRun.SampleStore);
        var (package, result) = EngineRun.Run(report, EngineRun.SampleStore)[index];
        var reference = ReferenceFor(package);
        reference.Run();

        Assert.True(result.Trades.Count >= 2, $"scenario should trade (got {result.Trades.Count})");
        Assert.Equal(reference.Trades.Count, result.Trades.Count);
        for (var t = 0; t < reference.Trades.Count; t++)
        {
            var expected = reference.Trades[t];
            var actual = result.Trades[t];
            Assert.Equal(expected, (actual.Side, actual.OpenTimeMs, actual.OpenPrice, actual.CloseTimeMs, actual.ClosePrice, actual.CloseReason, actual.Commission, actual.Swap, actual.Pnl));
        }

        var s = result.Statistics!;
        Assert.Equal(reference.Orders, (s.OrdersSent, s.OrdersFilled, s.OrdersRejected, s.OrdersCancelled));
        Assert.Equal(reference.FinalBalance, s.FinalBalance);
        Assert.Equal(reference.MaxDrawdown, s.MaxDrawdown);
        Assert.Equal(package.Ticks.Count, s.TicksProcessed);

        // The equity curve and the daily equity of §8b: every day's last equity, and no extreme lost to downsampling.
        var curve = result.EquityCurve!;
        Assert.Equal(reference.DayEquity.Keys, curve.Days);
        Assert.Equal(reference.DayEquity.Values, curve.DayEquity);
        Assert.Equal(s.FinalEquity, curve.DayEquity[^1]);
        Assert.Equal(reference.EquityRange, (curve.Low.Min(), curve.High.Max()));
        Assert.InRange(curve.Times.Count, 1, EquityCurve.MaxPoints);
    }

    private static StraightLineBacktest ReferenceFor(ProcessDataPackage package)
    {
        var store = EngineRun.SampleStore;
        using var file = store.OpenTicks(package.Symbol);
        var all = file.Times(0, file.Count).ToArray();
        var bids = file.Bids(0, file.Count).ToArray();
        var asks = file.Asks(0, file.Count).ToArray();
        var (start, end) = ((int)package.Ticks.StartIndex, (int)package.Ticks.EndIndex);
        Assert.True(all[start] >= package.StartMs && (start == 0 || all[start - 1] < package.StartMs));
        var rsi = package.Workers.Single(w => w.Name == "rsi");
        var band = package.Workers.Single(w => w.Name == "band");
        var d = package.Decision.Numbers;
        var aggressive = package.Decision.Type == "aggressive_trend";
        return new StraightLineBacktest
        {
            Times = all[start..end],
            Bids = bids[start..end],
            Asks = asks[start..end],
            RsiTimeframeMs = Timeframe.Parse(rsi.Timeframe).LengthMs,
            RsiPeriod = (int)rsi.Numbers["period"],
            RsiWilder = rsi.Choices["smoothing"] == "wilder",
            RsiWarmupCloses = WarmupCloses(all, bids, asks, package.StartMs, Timeframe.Parse(rsi.Timeframe).LengthMs, rsi.WarmupBars),
            BandTimeframeMs = Timeframe.Parse(band.Timeframe).LengthMs,
            BandType = band.Type,
            BandPeriod = (int)band.Numbers["period"],
            BandParameter = band.Type == "bollinger" ? band.Numbers["k"] : band.Numbers["deviation_pct"],
            BandWarmupCloses = WarmupCloses(all, bids, asks, package.StartMs, Timeframe.Parse(band.Timeframe).LengthMs, band.WarmupBars),
            Decision = package.Decision.Type,
            Thresholds = aggressive
                ? [d["rsi_buy"], d["rsi_sell"], d["band_low"], d["band_high"], d["min_confidence"]]
                : [d["rsi_low"], d["rsi_high"], d["band_low"], d["band_high"], d["min_confidence"]],
            Lots = d["lot_size"],
            Commission = package.Account.CommissionPerLot,
            LatencyMin = package.Account.LatencyMinTicks,
            LatencyMax = package.Account.LatencyMaxTicks,
            Seed = package.Account.LatencySeed,
            Swap = package.Account.ApplySwap,
            SwapLong = package.SymbolSpec.SwapLong,
            SwapShort = package.SymbolSpec.SwapShort,
            StopLoss = package.Account.StopLossPoints,
            TakeProfit = package.Account.TakeProfitPoints,
        };
    }

    private static List<double> WarmupCloses(long[] times, double[] bids, double[] asks, long startMs, long lengthMs, int bars) =>
        [.. ReferenceWarmup.Bars(times, bids, asks, startMs, lengthMs, bars).Select(b => b.Close)];
}
