using Finiex.Contracts.Results;

namespace Finiex.Benchmarks.Baselines;

/// <summary>One closed trade of the straight-line loop, in the fields it shares with <see cref="TradeRecord"/>.</summary>
public sealed record StraightLineTrade(string Side, long OpenTimeMs, double OpenPrice, long CloseTimeMs, double ClosePrice, string CloseReason, double Pnl)
{
    public static StraightLineTrade From(TradeRecord trade) =>
        new(trade.Side, trade.OpenTimeMs, trade.OpenPrice, trade.CloseTimeMs, trade.ClosePrice, trade.CloseReason, trade.Pnl);
}

/// <summary>What the straight-line loop ends with.</summary>
public sealed record StraightLineResult(IReadOnlyList<StraightLineTrade> Trades, double FinalBalance, double MaxDrawdown,
    (long Sent, long Filled, long Rejected, long Cancelled) Orders)
{
    /// <summary>Null when the engine's result is the same, trade for trade and bit for bit; otherwise what differs.</summary>
    public string? DifferenceFrom(ProcessResult engine)
    {
        var statistics = engine.Statistics ?? throw new ArgumentException("The engine run failed.", nameof(engine));
        if (engine.Trades.Count != Trades.Count)
        {
            return $"{Trades.Count} trades here, {engine.Trades.Count} in the engine";
        }

        for (var t = 0; t < Trades.Count; t++)
        {
            if (StraightLineTrade.From(engine.Trades[t]) != Trades[t])
            {
                return $"trade {t + 1}: {Trades[t]} here, {StraightLineTrade.From(engine.Trades[t])} in the engine";
            }
        }

        var orders = (statistics.OrdersSent, statistics.OrdersFilled, statistics.OrdersRejected, statistics.OrdersCancelled);
        return orders != Orders ? $"orders {Orders} here, {orders} in the engine"
            : statistics.FinalBalance != FinalBalance ? $"final balance {FinalBalance:R} here, {statistics.FinalBalance:R} in the engine"
            : statistics.MaxDrawdown != MaxDrawdown ? $"max drawdown {MaxDrawdown:R} here, {statistics.MaxDrawdown:R} in the engine"
            : null;
    }
}
