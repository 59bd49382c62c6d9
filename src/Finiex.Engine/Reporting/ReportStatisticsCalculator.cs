using Finiex.Contracts.Results;
using Finiex.Sdk.Time;

namespace Finiex.Engine.Reporting;

/// <summary>The report statistics of SEMANTICS §8b, from a finished scenario's §8 statistics, trades (in close order) and daily equity.</summary>
public static class ReportStatisticsCalculator
{
    private static readonly double AnnualisingFactor = Math.Sqrt(252);

    public static ReportStatistics Compute(ScenarioStatistics statistics, IReadOnlyList<TradeRecord> trades, EquityCurve curve, double initialBalance)
    {
        var (wins, losses) = (Longest(trades, sign: 1), Longest(trades, sign: -1));
        var returns = DailyReturns(curve.DayEquity, initialBalance);
        return new ReportStatistics
        {
            BreakEvenTrades = trades.Count(t => t.Pnl == 0),
            ExpectedPayoff = trades.Count == 0 ? null : statistics.NetProfit / trades.Count,
            AverageWin = statistics.WinningTrades == 0 ? null : statistics.GrossProfit / statistics.WinningTrades,
            AverageLoss = statistics.LosingTrades == 0 ? null : statistics.GrossLoss / statistics.LosingTrades,
            LargestWin = statistics.WinningTrades == 0 ? null : trades.Max(t => t.Pnl),
            LargestLoss = statistics.LosingTrades == 0 ? null : -trades.Min(t => t.Pnl),
            MaxConsecutiveWins = wins?.Count,
            MaxConsecutiveWinsMoney = wins?.Money,
            MaxConsecutiveLosses = losses?.Count,
            MaxConsecutiveLossesMoney = losses is null ? null : -losses.Value.Money,
            AverageHoldingMs = trades.Count == 0 ? null : trades.Average(t => (double)(t.CloseTimeMs - t.OpenTimeMs)),
            RecoveryFactor = statistics.MaxDrawdown == 0 ? null : statistics.NetProfit / statistics.MaxDrawdown,
            Sharpe = Sharpe(returns),
            Sortino = Sortino(returns),
            MonthlyReturns = Monthly(curve, initialBalance),
        };
    }

    /// <summary>The longest run of trades whose P&amp;L has this sign (the earliest of equal runs); null when there is none.</summary>
    private static (long Count, double Money)? Longest(IReadOnlyList<TradeRecord> trades, int sign)
    {
        (long Count, double Money)? best = null;
        var (count, money) = (0L, 0.0);
        foreach (var trade in trades)
        {
            if (Math.Sign(trade.Pnl) == sign)
            {
                (count, money) = (count + 1, money + trade.Pnl);
                if (best is null || count > best.Value.Count)
                {
                    best = (count, money);
                }
            }
            else
            {
                (count, money) = (0, 0);
            }
        }

        return best;
    }

    private static double[] DailyReturns(IReadOnlyList<double> dayEquity, double initialBalance)
    {
        var returns = new double[dayEquity.Count];
        var previous = initialBalance;
        for (var d = 0; d < dayEquity.Count; d++)
        {
            returns[d] = (dayEquity[d] / previous) - 1;
            previous = dayEquity[d];
        }

        return returns;
    }

    private static double? Sharpe(double[] returns)
    {
        if (returns.Length < 2)
        {
            return null;
        }

        var mean = returns.Average();
        var deviation = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1));
        return deviation == 0 ? null : mean / deviation * AnnualisingFactor;
    }

    private static double? Sortino(double[] returns)
    {
        if (returns.Length < 2)
        {
            return null;
        }

        var downside = Math.Sqrt(returns.Sum(r => Math.Min(r, 0) * Math.Min(r, 0)) / (returns.Length - 1));
        return downside == 0 ? null : returns.Average() / downside * AnnualisingFactor;
    }

    private static List<MonthlyReturn> Monthly(EquityCurve curve, double initialBalance)
    {
        var months = new List<MonthlyReturn>();
        var previous = initialBalance;
        for (var d = 0; d < curve.Days.Count; d++)
        {
            var month = UtcTime.ToDateTimeOffset(curve.Days[d]).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var lastOfMonth = d == curve.Days.Count - 1
                || UtcTime.ToDateTimeOffset(curve.Days[d + 1]).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) != month;
            if (lastOfMonth)
            {
                months.Add(new MonthlyReturn(month, (curve.DayEquity[d] / previous) - 1));
                previous = curve.DayEquity[d];
            }
        }

        return months;
    }
}
