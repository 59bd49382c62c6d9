using Finiex.Contracts.Results;

namespace Finiex.Engine.Trading;

/// <summary>The statistics of SEMANTICS §8 that come from the closed trades alone, for both simulators.</summary>
internal static class TradeTally
{
    public static ScenarioStatistics Of(IReadOnlyList<TradeRecord> trades)
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
            Trades = trades.Count,
            LongTrades = longs,
            ShortTrades = trades.Count - longs,
            WinningTrades = wins,
            LosingTrades = losses,
            GrossProfit = grossProfit,
            GrossLoss = grossLoss,
            ProfitFactor = grossLoss == 0 ? null : grossProfit / grossLoss,
            WinRate = trades.Count == 0 ? null : (double)wins / trades.Count,
        };
    }
}
