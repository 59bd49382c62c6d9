namespace Finiex.Sdk.Trading;

/// <summary>
/// A position of the trading API's book (SEMANTICS §10), as a strategy sees it at step 4: read-only outside the engine.
/// SL and TP are prices (NaN when none); a trailing distance of 0 means none.
/// </summary>
public sealed class OpenPosition
{
    internal OpenPosition(long id, TradeSide side, double lots, long openTimeMs, int openIndex, double openPrice)
    {
        Id = id;
        Side = side;
        Lots = lots;
        OpenTimeMs = openTimeMs;
        OpenIndex = openIndex;
        OpenPrice = openPrice;
    }

    public long Id { get; }

    public TradeSide Side { get; }

    public bool IsLong => Side == TradeSide.Long;

    public double Lots { get; internal set; }

    public long OpenTimeMs { get; }

    public double OpenPrice { get; }

    public double StopLoss { get; internal set; } = double.NaN;

    public double TakeProfit { get; internal set; } = double.NaN;

    public double TrailingPoints { get; internal set; }

    /// <summary>The unrealised P&amp;L of §7 (account currency, no commissions or swaps) marked at this tick.</summary>
    public double UnrealisedPnl { get; internal set; }

    internal int OpenIndex { get; }

    /// <summary>True while the SL was last set by trailing: hitting it then closes with <c>trailing_stop</c>.</summary>
    internal bool StopSetByTrailing { get; set; }

    internal double OpenCommission { get; set; }

    internal double Swap { get; set; }

    /// <summary>Fixed when its margin was checked (§6, §10); a partial close keeps the rest's share.</summary>
    internal double Margin { get; set; }

    internal long NextMidnight { get; set; }
}
