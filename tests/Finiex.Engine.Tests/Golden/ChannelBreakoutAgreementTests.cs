using Finiex.Contracts.Packages;
using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using Finiex.Sdk.Time;
using Finiex.Tests.Shared;

namespace Finiex.Engine.Tests.Golden;

/// <summary>
/// <c>channel_breakout</c> and the trading API against <see cref="StraightLineChannelBreakout"/> on real ticks — FXCM
/// EURUSD (the sample store), Oanda NZDUSD and Oanda XAUUSD (imported from tests/data) — in both modes, with SL/TP,
/// trailing stops, offsets, expiry, commission, swaps and random latency: same trades, same counts, bit for bit.
/// </summary>
public sealed class ChannelBreakoutAgreementTests
{
    private static readonly Lazy<TickStore> OandaStore = new(ImportOanda);

    private const string Set = """
        {
          "name": "channel_agreement",
          "defaults": {
            "strategy": { "decision": { "type": "channel_breakout", "params": { "timeframe": "M15", "lookback": 20 } } },
            "account": { "initial_balance": 10000, "currency": "USD", "broker": "{broker}", "latency_ticks": { "min": 1, "max": 3 }, "commission_per_lot": 3.5, "apply_swap": true }
          },
          "scenarios": [
            { "name": "{symbol}_breakout", "symbol": "{symbol}", "start": "{start}", "end": "{end}",
              "overrides": { "strategy": { "decision": { "params": { "offset_points": {offset}, "stop_loss_points": {sl}, "take_profit_points": {tp}, "expiry_bars": 2 } } } } },
            { "name": "{symbol}_breakout_trailing", "symbol": "{symbol}", "start": "{start}", "end": "{end}",
              "overrides": {
                "strategy": { "decision": { "params": { "timeframe": "M5", "lookback": 12, "trailing_points": {trail}, "expiry_bars": 3, "lot_size": 0.2 } } },
                "account": { "latency_ticks": { "min": 2, "max": 7 }, "latency_seed": 7 } } },
            { "name": "{symbol}_fade", "symbol": "{symbol}", "start": "{start}", "end": "{end}",
              "overrides": { "strategy": { "decision": { "params": { "mode": "fade", "stop_loss_points": {sl}, "take_profit_points": {tp} } } } } },
            { "name": "{symbol}_fade_trailing", "symbol": "{symbol}", "start": "{start}", "end": "{end}",
              "overrides": { "strategy": { "decision": { "params": { "mode": "fade", "timeframe": "M5", "lookback": 6, "offset_points": {offset}, "trailing_points": {trail}, "expiry_bars": 4 } } } } },
            { "name": "{symbol}_slow_broker", "symbol": "{symbol}", "start": "{start}", "end": "{end}",
              "overrides": {
                "strategy": { "decision": { "params": { "timeframe": "M1", "lookback": 5, "stop_loss_points": {sl}, "trailing_points": {trail}, "expiry_bars": 2 } } },
                "account": { "latency_ticks": { "min": 20, "max": 400 }, "latency_seed": 3 } } }
          ]
        }
        """;

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var symbol in new[] { "EURUSD", "NZDUSD", "XAUUSD" })
        {
            for (var scenario = 0; scenario < 5; scenario++)
            {
                cases.Add(symbol, scenario);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Engine_and_straight_line_reference_agree_trade_for_trade(string symbol, int index)
    {
        var (store, json) = symbol switch
        {
            // FXCM EURUSD from the sample store; Oanda NZDUSD and gold from the tests' own copies.
            "EURUSD" => (EngineRun.SampleStore, Fill(symbol, "2014-05-06T00:00:00Z", "2014-05-08T00:00:00Z", offset: 20, sl: 150, tp: 300, trail: 100)),
            "NZDUSD" => (OandaStore.Value, Fill(symbol, "2014-05-05T08:00:00Z", "2014-05-07T00:00:00Z", offset: 10, sl: 120, tp: 200, trail: 80)),
            _ => (OandaStore.Value, Fill(symbol, "2014-05-01T08:00:00Z", "2014-05-02T00:00:00Z", offset: 30, sl: 300, tp: 500, trail: 200)),
        };
        var report = EngineRun.Load(json, store);
        var (package, result) = EngineRun.Run(report, store)[index];
        var reference = ReferenceFor(package, store);
        reference.Run();

        Assert.True(result.Trades.Count >= 3, $"scenario should trade (got {result.Trades.Count})");
        Assert.Equal(reference.Trades.Count, result.Trades.Count);
        for (var t = 0; t < reference.Trades.Count; t++)
        {
            var a = result.Trades[t];
            Assert.Equal(reference.Trades[t], (a.Side, a.Lots, a.OpenTimeMs, a.OpenPrice, a.CloseTimeMs, a.ClosePrice, a.CloseReason, a.Commission, a.Swap, a.Pnl));
        }

        var s = result.Statistics!;
        var (sent, filled, rejected, cancelled, dropped, requestsRejected) = reference.Counts;
        Assert.Equal((sent, filled, rejected, cancelled, dropped, requestsRejected), (s.OrdersSent, s.OrdersFilled, s.OrdersRejected, s.OrdersCancelled, s.RequestsDropped, s.RequestsRejected));
        Assert.Equal(s.OrdersSent, s.OrdersFilled + s.OrdersCancelled + reference.RejectedAtFill); // §10's identity; the strategy sends no closes
        Assert.Equal((reference.FinalBalance, reference.FinalEquity, reference.MaxDrawdown), (s.FinalBalance, s.FinalEquity, s.MaxDrawdown));
        Assert.Equal((reference.Swaps, reference.Commissions, reference.StopOuts), (s.Swaps, s.Commissions, s.StopOuts));
        Assert.Equal(package.Ticks.Count, s.TicksProcessed);
        Assert.True(s.OrdersCancelled > 0, "expiry or one-cancels-other should cancel orders");
        if (package.Account.LatencyMaxTicks >= 100)
        {
            Assert.True(reference.Expired > 0 && s.RequestsDropped > 0, "with a slow broker, orders expire and cancels arrive too late");
        }
        if (package.Decision.Numbers.GetValueOrDefault("trailing_points") > 0)
        {
            Assert.Contains(result.Trades, t => t.CloseReason == "trailing_stop");
        }
    }

    private static string Fill(string symbol, string start, string end, int offset, int sl, int tp, int trail) => Set
        .Replace("{symbol}", symbol, StringComparison.Ordinal).Replace("{start}", start, StringComparison.Ordinal).Replace("{end}", end, StringComparison.Ordinal)
        .Replace("{offset}", $"{offset}", StringComparison.Ordinal).Replace("{sl}", $"{sl}", StringComparison.Ordinal)
        .Replace("{tp}", $"{tp}", StringComparison.Ordinal).Replace("{trail}", $"{trail}", StringComparison.Ordinal);

    private static StraightLineChannelBreakout ReferenceFor(ProcessDataPackage package, TickStore store)
    {
        using var file = store.OpenTicks(package.Symbol);
        var all = file.Times(0, file.Count).ToArray();
        var bids = file.Bids(0, file.Count).ToArray();
        var asks = file.Asks(0, file.Count).ToArray();
        var (start, end) = ((int)package.Ticks.StartIndex, (int)package.Ticks.EndIndex);
        var p = package.Decision;
        var timeframe = Timeframe.Parse(p.Choices["timeframe"]).LengthMs;
        var lookback = (int)p.Numbers["lookback"];
        Assert.Equal(package.Account.Currency, package.SymbolSpec.QuoteCurrency); // the reference keeps the account in the quote currency
        return new StraightLineChannelBreakout
        {
            Times = all[start..end],
            Bids = bids[start..end],
            Asks = asks[start..end],
            WarmupBars = [.. ReferenceWarmup.Bars(all, bids, asks, package.StartMs, timeframe, lookback).Select(b => (b.High, b.Low))],
            TimeframeMs = timeframe,
            Lookback = lookback,
            Fade = p.Choices["mode"] == "fade",
            Lots = p.Numbers["lot_size"],
            OffsetPoints = p.Numbers["offset_points"],
            StopLossPoints = p.Numbers["stop_loss_points"],
            TakeProfitPoints = p.Numbers["take_profit_points"],
            TrailingPoints = p.Numbers["trailing_points"],
            ExpiryBars = (int)p.Numbers["expiry_bars"],
            Balance0 = package.Account.InitialBalance,
            ContractSize = package.SymbolSpec.ContractSize,
            Point = package.SymbolSpec.Point,
            Leverage = package.Account.Leverage,
            Commission = package.Account.CommissionPerLot,
            LatencyMin = package.Account.LatencyMinTicks,
            LatencyMax = package.Account.LatencyMaxTicks,
            Seed = package.Account.LatencySeed,
            Swap = package.Account.ApplySwap,
            SwapLong = package.SymbolSpec.SwapLong,
            SwapShort = package.SymbolSpec.SwapShort,
            Rollover3Days = package.SymbolSpec.SwapRollover3Days,
            StopsLevel = package.SymbolSpec.StopsLevel,
            StopOutPercent = package.Account.StopOutMode == StopOutMode.Percent,
            StopOutLevel = package.Account.StopOutLevel,
        };
    }

    private static TickStore ImportOanda()
    {
        var root = Path.Combine(Path.GetTempPath(), $"finiex-oanda-store-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var store = new TickStore(root);
        var importer = new TickImporter(store);
        foreach (var (symbol, folder) in new[] { ("NZDUSD", Path.Combine("forex", "oanda", "tick", "nzdusd")), ("XAUUSD", Path.Combine("cfd", "oanda", "tick", "xauusd")) })
        {
            var paths = Directory.GetFiles(Path.Combine(RepoPaths.TestData, "lean", folder), "*_quote.zip").Order(StringComparer.Ordinal).ToList();
            importer.Import(new ImportRequest { Symbol = symbol, Paths = paths, Reader = new LeanZipReader(DataTimeZone.Utc) });
        }

        return store;
    }
}
