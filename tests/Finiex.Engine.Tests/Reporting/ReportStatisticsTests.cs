using Finiex.Contracts.Results;
using Finiex.Engine.Reporting;

namespace Finiex.Engine.Tests.Reporting;

/// <summary>SEMANTICS §8b on hand-worked trades and daily equity.</summary>
public sealed class ReportStatisticsTests
{
    private const long Day = 86_400_000;
    private const long May1 = 1_398_902_400_000; // 2014-05-01T00:00:00Z

    private static TradeRecord Trade(double pnl, long openMs = 0, long closeMs = 1_000) => new()
    {
        Id = 0, Side = "long", Lots = 0.1, OpenTimeMs = openMs, OpenPrice = 1, CloseTimeMs = closeMs, ClosePrice = 1, CloseReason = "signal",
        Commission = 0, Swap = 0, Pnl = pnl,
    };

    private static ScenarioStatistics StatisticsOf(TradeRecord[] trades, double maxDrawdown) => new()
    {
        Trades = trades.Length,
        WinningTrades = trades.Count(t => t.Pnl > 0),
        LosingTrades = trades.Count(t => t.Pnl < 0),
        GrossProfit = trades.Where(t => t.Pnl > 0).Sum(t => t.Pnl),
        GrossLoss = -trades.Where(t => t.Pnl < 0).Sum(t => t.Pnl),
        NetProfit = trades.Sum(t => t.Pnl),
        MaxDrawdown = maxDrawdown,
    };

    private static EquityCurve Daily(params (long Day, double Equity)[] days) => new()
    {
        Days = [.. days.Select(d => d.Day)],
        DayEquity = [.. days.Select(d => d.Equity)],
    };

    [Fact]
    public void Trade_statistics_follow_the_hand_worked_example()
    {
        // Close order: +10 +5 | 0 | −3 −4 −2 | +8 +1 +1 | −6 (break-even ends both runs).
        TradeRecord[] trades =
        [
            Trade(10, 0, 1_000), Trade(5, 0, 3_000), Trade(0, 0, 2_000), Trade(-3, 0, 500), Trade(-4, 0, 500), Trade(-2, 0, 500),
            Trade(8, 0, 4_000), Trade(1, 0, 1_000), Trade(1, 0, 1_000), Trade(-6, 0, 1_000),
        ];
        var s = ReportStatisticsCalculator.Compute(StatisticsOf(trades, maxDrawdown: 12), trades, Daily(), 10_000);

        Assert.Equal(1, s.BreakEvenTrades);
        Assert.Equal(10.0 / 10, s.ExpectedPayoff); // net 10 over 10 trades
        Assert.Equal(25.0 / 5, s.AverageWin);
        Assert.Equal(15.0 / 4, s.AverageLoss);
        Assert.Equal(10, s.LargestWin);
        Assert.Equal(6, s.LargestLoss);
        Assert.Equal((3L, 10.0), (s.MaxConsecutiveWins!.Value, s.MaxConsecutiveWinsMoney!.Value)); // +8 +1 +1 is longer than +10 +5
        Assert.Equal((3L, 9.0), (s.MaxConsecutiveLosses!.Value, s.MaxConsecutiveLossesMoney!.Value)); // a positive amount
        Assert.Equal(14_500.0 / 10, s.AverageHoldingMs);
        Assert.Equal(10.0 / 12, s.RecoveryFactor);
    }

    [Fact]
    public void Of_equal_runs_the_earliest_counts()
    {
        TradeRecord[] trades = [Trade(1), Trade(2), Trade(-1), Trade(5), Trade(7)];
        var s = ReportStatisticsCalculator.Compute(StatisticsOf(trades, 1), trades, Daily(), 10_000);

        Assert.Equal((2L, 3.0), (s.MaxConsecutiveWins!.Value, s.MaxConsecutiveWinsMoney!.Value));
    }

    [Fact]
    public void Statistics_without_their_denominator_are_null()
    {
        var s = ReportStatisticsCalculator.Compute(StatisticsOf([], 0), [], Daily((May1, 10_000)), 10_000);

        Assert.Equal(0, s.BreakEvenTrades);
        Assert.All(new double?[] { s.ExpectedPayoff, s.AverageWin, s.AverageLoss, s.LargestWin, s.LargestLoss, s.MaxConsecutiveWinsMoney,
            s.MaxConsecutiveLossesMoney, s.AverageHoldingMs, s.RecoveryFactor, s.Sharpe, s.Sortino }, Assert.Null);
        Assert.Null(s.MaxConsecutiveWins);

        TradeRecord[] onlyWins = [Trade(3)];
        var wins = ReportStatisticsCalculator.Compute(StatisticsOf(onlyWins, 0), onlyWins, Daily(), 10_000);
        Assert.Equal((3.0, null, null, null), (wins.LargestWin!.Value, wins.LargestLoss, wins.AverageLoss, wins.MaxConsecutiveLosses));
    }

    [Fact]
    public void Sharpe_and_sortino_use_daily_returns_from_the_initial_balance()
    {
        // E0 = 1000; E = 1010, 999.9, 1009.899: r = +1 %, −1 %, +1 %.
        var curve = Daily((May1, 1_010), (May1 + Day, 999.9), (May1 + (2 * Day), 1_009.899));
        var s = ReportStatisticsCalculator.Compute(StatisticsOf([], 0), [], curve, 1_000);

        double[] r = [0.01, 999.9 / 1_010 - 1, 1_009.899 / 999.9 - 1];
        var mean = r.Average();
        var sd = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / 2);
        var downside = Math.Sqrt(r.Sum(x => Math.Min(x, 0) * Math.Min(x, 0)) / 2);
        Assert.Equal(mean / sd * Math.Sqrt(252), s.Sharpe!.Value, 12);
        Assert.Equal(mean / downside * Math.Sqrt(252), s.Sortino!.Value, 12);
        Assert.Equal(0.01 / 3 / Math.Sqrt(0.0001 / 2) * Math.Sqrt(252), s.Sortino!.Value, 6); // by hand: mean 1/3 %, downside sqrt(0.01² / (3 − 1))
    }

    [Fact]
    public void Monthly_returns_chain_the_last_equity_of_each_month_with_ticks()
    {
        var june2 = May1 + (32 * Day);
        var aug1 = May1 + (92 * Day); // July has no ticks: August is compared with June
        var curve = Daily((May1, 1_100), (May1 + (30 * Day), 1_200), (june2, 900), (aug1, 990));
        var s = ReportStatisticsCalculator.Compute(StatisticsOf([], 0), [], curve, 1_000);

        Assert.Equal(["2014-05", "2014-06", "2014-08"], s.MonthlyReturns.Select(m => m.Month));
        Assert.Equal(1_200.0 / 1_000 - 1, s.MonthlyReturns[0].Return, 12);
        Assert.Equal(900.0 / 1_200 - 1, s.MonthlyReturns[1].Return, 12);
        Assert.Equal(990.0 / 900 - 1, s.MonthlyReturns[2].Return, 12);
    }
}
