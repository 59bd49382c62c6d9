using Finiex.Contracts.Packages;
using Finiex.Engine.Trading;
using Finiex.Sdk.Trading;
using static Finiex.Engine.Tests.Trading.SimulatorHarness;

namespace Finiex.Engine.Tests.Trading;

/// <summary>The broker's stop-out (SEMANTICS §6) on hand-built ticks: both modes, the boundary, re-marking, off, margin fixed at submission.</summary>
public sealed class StopOutTests
{
    // 1 lot of EURUSD at leverage 500: margin = 1 · 100,000 · mid / 500. Submitted at mid 1.5 → margin 300 exactly.
    private static TradingRules Rules(StopOutMode mode, double level, double balance = 1_000) =>
        EurUsd(balance: balance) with { StopOutMode = mode, StopOutLevel = level };

    private static SimulatorHarness OpenedLong(TradingRules rules)
    {
        var h = new SimulatorHarness(rules);
        h.At(1_000, 1.5, 1.5); // submit at mid 1.5
        Assert.True(h.Open(TradeSide.Long, lots: 1));
        h.At(2_000, 1.5, 1.5); // filled at ask 1.5
        Assert.True(h.Simulator.HasPosition);
        return h;
    }

    [Fact]
    public void Percent_mode_closes_at_the_bid_once_equity_over_margin_reaches_the_level()
    {
        var h = OpenedLong(Rules(StopOutMode.Percent, 50)); // stop when equity · 100 / 300 ≤ 50, i.e. equity ≤ 150
        h.At(3_000, 1.4915, 1.4916); // −850 → equity 150.0000000x: 50.000…% — not yet (binary rounding keeps it just above)
        var equityBefore = h.Simulator.Equity;
        Assert.Equal(equityBefore * 100 / 300 <= 50, !h.Simulator.HasPosition);
        h.At(4_000, 1.4910, 1.4911); // −900 → equity 100: 33 % ≤ 50
        Assert.False(h.Simulator.HasPosition);

        var trade = h.Simulator.Trades[^1];
        Assert.Equal((CloseReason.StopOut, 1.4910, 4_000L), (trade.CloseReason, trade.ClosePrice, trade.CloseTimeMs));
        Assert.Equal((1.4910 - 1.5) * 100_000, trade.Pnl, 9);
        var stats = h.Simulator.Statistics();
        Assert.Equal(1, stats.StopOuts);
        Assert.Equal(1_000 + trade.Pnl, stats.FinalBalance, 9);
        Assert.Equal(stats.FinalBalance, h.Simulator.Equity); // equity re-marked after the close: balance, nothing open
        Assert.Equal(1_000 - h.Simulator.Equity, stats.MaxDrawdown, 9);
        Assert.Equal(1, stats.OrdersSent); // a stop-out is not an order
    }

    [Fact]
    public void Money_mode_closes_a_short_at_the_ask_once_equity_reaches_the_level()
    {
        var h = new SimulatorHarness(Rules(StopOutMode.Money, 400));
        h.At(1_000, 1.5, 1.5);
        Assert.True(h.Open(TradeSide.Short, lots: 1));
        h.At(2_000, 1.5, 1.5);
        h.At(3_000, 1.5059, 1.5059); // −590 → 410 > 400
        Assert.True(h.Simulator.HasPosition);
        h.At(4_000, 1.5060, 1.5061); // at the ask: −610 → 390 ≤ 400
        Assert.False(h.Simulator.HasPosition);

        var trade = h.Simulator.Trades[^1];
        Assert.Equal((CloseReason.StopOut, 1.5061), (trade.CloseReason, trade.ClosePrice));
    }

    [Theory]
    [InlineData(218.75, true)] // equity exactly at the level: ≤ holds
    [InlineData(218.74, false)]
    public void The_level_itself_stops_out(double level, bool stopped)
    {
        // Exact binary numbers: 1.5 − 0.0078125 = 1.4921875; −0.0078125 · 100,000 = −781.25; equity 218.75.
        var h = OpenedLong(Rules(StopOutMode.Money, level));
        h.At(3_000, 1.4921875, 1.4921875);

        Assert.Equal(218.75, stopped ? h.Simulator.Balance : h.Simulator.Equity);
        Assert.Equal(stopped, !h.Simulator.HasPosition);
        Assert.Equal(stopped ? 1 : 0, h.Simulator.StopOuts);
    }

    [Fact]
    public void Without_a_level_the_check_is_off_and_the_balance_can_go_negative()
    {
        var h = OpenedLong(Rules(StopOutMode.Off, 0));
        h.At(3_000, 1.4800, 1.4801); // −2,000: equity −1,000

        Assert.True(h.Simulator.HasPosition);
        Assert.Equal(-1_000, h.Simulator.Equity, 9);
        Assert.Equal(0, h.Simulator.StopOuts);
    }

    [Fact]
    public void The_margin_is_the_one_checked_at_submission_not_the_current_price()
    {
        // Submitted at mid 1.5 (margin 300); filled at 3.0, where a fresh margin would be 600. Level 50 %: with 300 the
        // stop is at equity ≤ 150; with 600 it would already be at 300.
        var h = new SimulatorHarness(Rules(StopOutMode.Percent, 50, balance: 1_000));
        h.At(1_000, 1.5, 1.5);
        Assert.True(h.Open(TradeSide.Long, lots: 1));
        h.At(2_000, 3.0, 3.0);
        h.At(3_000, 2.9925, 2.9925); // −750 → equity 250: 83 % of 300 (would be 41 % of 600)

        Assert.True(h.Simulator.HasPosition);
    }

    [Fact]
    public void A_stop_out_on_the_fill_tick_itself_applies()
    {
        var h = new SimulatorHarness(Rules(StopOutMode.Money, 950));
        h.At(1_000, 1.5, 1.5);
        Assert.True(h.Open(TradeSide.Long, lots: 1));
        h.At(2_000, 1.4990, 1.5); // filled at ask 1.5, marked at bid: −100 → equity 900 ≤ 950

        var trade = Assert.Single(h.Simulator.Trades);
        Assert.Equal((CloseReason.StopOut, 2_000L, 2_000L), (trade.CloseReason, trade.OpenTimeMs, trade.CloseTimeMs));
    }

    [Fact]
    public void Thirty_lots_on_real_ticks_are_stopped_out_at_the_brokers_level_instead_of_going_below_zero()
    {
        // Without stop-out this account ended at −320 with a 152 % drawdown although the broker's level is 20 %.
        var report = Golden.EngineRun.Load($$"""
            {
              "name": "heavy",
              "defaults": {
                "strategy": {
                  "workers": { "rsi": { "type": "rsi", "timeframe": "M5" }, "band": { "type": "envelope", "timeframe": "M30" } },
                  "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" }, "params": { "lot_size": 30 } }
                },
                "account": { "initial_balance": 10000, "currency": "USD", "broker": "{{Golden.EngineRun.Broker}}" }
              },
              "scenarios": [ { "name": "heavy", "symbol": "EURUSD", "start": "2014-05-06", "end": "2014-05-08" } ]
            }
            """, Golden.EngineRun.SampleStore);
        var (_, result) = Assert.Single(Golden.EngineRun.Run(report, Golden.EngineRun.SampleStore));

        var stats = result.Statistics!;
        Assert.True(stats.StopOuts >= 1, "no stop-out");
        Assert.Contains(result.Trades, t => t.CloseReason == CloseReason.StopOut);
        Assert.True(stats.FinalBalance > 0, $"balance {stats.FinalBalance}");
        Assert.True(stats.MaxDrawdownPct < 100, $"drawdown {stats.MaxDrawdownPct} %");
    }
}
