using Finiex.Contracts.Results;

namespace Finiex.Engine.Trading;

/// <summary>The counters and money totals of SEMANTICS §8 (and §10's requests) that both simulators keep, and the statistics they make.</summary>
internal struct AccountTotals
{
    public long TicksProcessed;
    public long OrdersSent;
    public long OrdersFilled;
    public long OrdersRejected;
    public long OrdersCancelled;
    public long RequestsDropped;
    public long RequestsRejected;
    public long StopOuts;
    public double Commissions;
    public double Swaps;

    public readonly ScenarioStatistics Statistics(IReadOnlyList<TradeRecord> trades, double initialBalance, double balance, in EquityMarks marks)
    {
        long wins = 0, losses = 0, longs = 0;
        double grossProfit = 0, grossLoss = 0;
        foreach (var trade in trades)
        {
            if (trade.Pnl > 0)
            {
                wins++;
                grossProfit += trade.Pnl;
            }
            else if (trade.Pnl < 0)
            {
                losses++;
                grossLoss += -trade.Pnl;
            }

            if (trade.Side == "long")
            {
                longs++;
            }
        }

        return new ScenarioStatistics
        {
            TicksProcessed = TicksProcessed,
            OrdersSent = OrdersSent,
            OrdersFilled = OrdersFilled,
            OrdersRejected = OrdersRejected,
            OrdersCancelled = OrdersCancelled,
            Trades = trades.Count,
            LongTrades = longs,
            ShortTrades = trades.Count - longs,
            WinningTrades = wins,
            LosingTrades = losses,
            GrossProfit = grossProfit,
            GrossLoss = grossLoss,
            NetProfit = balance - initialBalance,
            ProfitFactor = grossLoss == 0 ? null : grossProfit / grossLoss,
            WinRate = trades.Count == 0 ? null : (double)wins / trades.Count,
            MaxDrawdown = marks.MaxDrawdown,
            MaxDrawdownPct = marks.MaxDrawdownPct,
            FinalBalance = balance,
            FinalEquity = marks.Equity,
            Commissions = Commissions,
            Swaps = Swaps,
            StopOuts = StopOuts,
            RequestsDropped = RequestsDropped,
            RequestsRejected = RequestsRejected,
        };
    }
}
