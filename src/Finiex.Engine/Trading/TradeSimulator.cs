using System.Runtime.CompilerServices;
using Finiex.Contracts.Results;
using Finiex.Sdk.Decisions;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Trading;

/// <summary>
/// The simulated account of one scenario (SEMANTICS §5–8): one position at most, market orders filled after a tick
/// latency, SL/TP, commission, swap, margin checks, equity and drawdown at every tick. Per tick it does no division
/// by time, no allocation and no logging; work happens only when something changes.
/// </summary>
public sealed class TradeSimulator : ISimulatedAccount
{
    private readonly TradingRules _rules;
    // Rules read at every tick, copied to fields so the tick path needs no second indirection.
    private readonly bool _hasStops;
    private readonly bool _applySwap;
    private readonly bool _accountIsBase;
    private readonly double _contractSize;
    private readonly List<TradeRecord> _trades = [];
    private readonly StopOutRule _stopOut;
    private LatencyDraws _latency;

    // The open position.
    private bool _hasPosition;
    private TradeSide _side;
    private double _lots;
    private double _openPrice;
    private long _openTime;
    private int _openIndex;
    private double _openCommission;
    private double _positionSwap;
    private double _stopLoss;
    private double _takeProfit;
    private long _nextMidnight;
    private double _positionMargin; // fixed when the opening order's margin was checked (SEMANTICS §6)

    // The pending market order.
    private bool _hasPending;
    private bool _pendingIsClose;
    private TradeSide _pendingSide;
    private double _pendingLots;
    private int _pendingFillIndex;
    private double _pendingMargin;

    private EquityMarks _marks;
    private AccountTotals _totals;
    private double _lastBid;
    private double _lastAsk;
    private long _lastTime;

    public TradeSimulator(TradingRules rules)
    {
        _rules = rules;
        _hasStops = rules.StopLossPoints is not null || rules.TakeProfitPoints is not null;
        _applySwap = rules.ApplySwap;
        _accountIsBase = rules.AccountIsBase;
        _contractSize = rules.ContractSize;
        _latency = new LatencyDraws(rules.LatencyMin, rules.LatencyMax, rules.LatencySeed);
        _stopOut = new StopOutRule(rules.StopOutMode, rules.StopOutLevel);
        Balance = rules.InitialBalance;
        _marks = new EquityMarks(rules.InitialBalance);
    }

    public double Balance { get; private set; }

    public double Equity => _marks.Equity;

    public bool HasPosition => _hasPosition;

    public TradeSide PositionSide => _side;

    public bool HasPendingOrder => _hasPending;

    public (TradeSide Side, double Lots, double OpenPrice)? NetPosition => _hasPosition ? (_side, _lots, _openPrice) : null;

    public IReadOnlyList<TradeRecord> Trades => _trades;

    public long TicksProcessed => _totals.TicksProcessed;

    public long OrdersSent => _totals.OrdersSent;

    public long OrdersFilled => _totals.OrdersFilled;

    public long OrdersRejected => _totals.OrdersRejected;

    public long OrdersCancelled => _totals.OrdersCancelled;

    public double MaxDrawdown => _marks.MaxDrawdown;

    public double MaxDrawdownPct => _marks.MaxDrawdownPct;

    public double Commissions => _totals.Commissions;

    public double Swaps => _totals.Swaps;

    /// <summary>Positions closed by the broker's stop-out.</summary>
    public long StopOuts => _totals.StopOuts;

    /// <summary>Step 1 of the tick loop: fill due orders, check SL/TP, charge swap, mark equity and drawdown.</summary>
    public void OnTick(int index, long time, double bid, double ask)
    {
        Mark(index, time, bid, ask);
        Counted(1, time, bid, ask);
    }

    /// <summary>
    /// Step 1 without the tick count and last prices, which the tick loop records once per block with
    /// <see cref="Counted"/>; inlined into the loop, so a tick with nothing open costs a few compares.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Mark(int index, long time, double bid, double ask)
    {
        if (_hasPending && _pendingFillIndex == index)
        {
            FillPending(index, time, bid, ask);
        }

        if (_hasPosition)
        {
            MarkPosition(index, time, bid, ask);
            return;
        }

        MarkEquity(Balance);
    }

    /// <summary>
    /// Steps 1 and 5 for the ticks from <paramref name="from"/> on in which nothing happens: no order due, no stop hit,
    /// no midnight to charge, and a decision that submits nothing (<paramref name="opposite"/> is the signal that would:
    /// any but FLAT when no position is open, the side against it when one is). Marks their equity exactly as
    /// <see cref="Mark"/> would and returns the offset of the first tick that needs the full steps (the length if none).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int MarkQuiet(int from, ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, ReadOnlySpan<Decision> decisions)
    {
        if (_hasPending)
        {
            return from;
        }

        var i = from;
        if (!_hasPosition)
        {
            MarkEquity(Balance); // with nothing open, marking the same balance again changes nothing
            while (i < decisions.Length && decisions[i].Signal == Signal.Flat)
            {
                i++;
            }

            return i;
        }

        var isLong = _side == TradeSide.Long;
        var against = isLong ? Signal.Sell : Signal.Buy;
        var (stopLoss, takeProfit) = (_stopLoss, _takeProfit); // NaN when not set: never hit
        var nextCharge = _applySwap ? _nextMidnight : long.MaxValue;
        var (balance, openPrice, contractSize, lots, accountIsBase) = (Balance, _openPrice, _contractSize, _lots, _accountIsBase);
        var (equity, peak, maxDrawdown, maxDrawdownPct, low, high) = (_marks.Equity, _marks.Peak, _marks.MaxDrawdown, _marks.MaxDrawdownPct, _marks.Low, _marks.High);
        var stopOutPossibleAtOrBelow = _stopOut.SafeAbove(_positionMargin);
        for (; i < times.Length; i++)
        {
            var (bid, ask) = (bids[i], asks[i]);
            if (ProtectiveStops.Check(isLong, bid, ask, stopLoss, takeProfit) != StopHit.None)
            {
                break;
            }

            if (times[i] >= nextCharge || decisions[i].Signal == against)
            {
                break;
            }

            // Unrealised, as in Unrealised(bid, ask), with the position's numbers in locals.
            var price = isLong ? bid : ask;
            var marked = balance + Money.ToAccount(Money.PriceProfit(isLong, openPrice, price, contractSize, lots), price, accountIsBase);
            if (marked <= stopOutPossibleAtOrBelow)
            {
                break; // a stop-out may be due: the full step decides with the exact rule
            }

            equity = marked;
            low = Math.Min(low, equity);
            high = Math.Max(high, equity);
            DrawdownRule.Mark(equity, ref peak, ref maxDrawdown, ref maxDrawdownPct);
        }

        if (i > from)
        {
            (_marks.Equity, _marks.Peak, _marks.MaxDrawdown, _marks.MaxDrawdownPct, _marks.Low, _marks.High) = (equity, peak, maxDrawdown, maxDrawdownPct, low, high);
        }

        return i;
    }

    /// <summary>The lowest and highest equity marked since the last call (the current equity when nothing was marked).</summary>
    internal (double Low, double High) TakeRange() => _marks.TakeRange();

    /// <summary>Records that <paramref name="count"/> ticks were marked, the last at these prices.</summary>
    internal void Counted(int count, long lastTime, double lastBid, double lastAsk)
    {
        _totals.TicksProcessed += count;
        _lastTime = lastTime;
        _lastBid = lastBid;
        _lastAsk = lastAsk;
    }

    private void MarkPosition(int index, long time, double bid, double ask)
    {
        if (_hasStops && _openIndex < index)
        {
            CheckStops(time, bid, ask);
        }

        if (_hasPosition && _applySwap && time >= _nextMidnight)
        {
            ChargeSwap(time, (bid + ask) / 2);
        }

        MarkEquity(_hasPosition ? Balance + Unrealised(bid, ask) : Balance);
        if (_hasPosition && _stopOut.Hits(Equity, _positionMargin))
        {
            StopOut(time, bid, ask);
        }
    }

    /// <summary>
    /// The broker closes the position with the largest unrealised loss (with one position: that one) at this tick's
    /// price, then equity and drawdown are marked again and the check repeats while positions remain (SEMANTICS §6).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void StopOut(long time, double bid, double ask)
    {
        while (_hasPosition && _stopOut.Hits(Equity, _positionMargin))
        {
            ClosePosition(time, _side == TradeSide.Long ? bid : ask, CloseReason.StopOut, (bid + ask) / 2);
            _totals.StopOuts++;
            MarkEquity(_hasPosition ? Balance + Unrealised(bid, ask) : Balance);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MarkEquity(double equity) => _marks.Mark(equity);

    /// <summary>Submits a market order that opens a position. Returns false when rejected for margin.</summary>
    public bool SubmitOpen(TradeSide side, double lots, double minFreeMargin, int index, double mid)
    {
        _totals.OrdersSent++;
        var required = Money.Margin(lots, _contractSize, mid, _rules.Leverage, _accountIsBase);
        var freeMargin = Equity; // no position is open when an entry is submitted
        if (freeMargin < minFreeMargin || required > freeMargin)
        {
            _totals.OrdersRejected++;
            return false;
        }

        Queue(isClose: false, side, lots, index);
        _pendingMargin = required;
        return true;
    }

    /// <summary>Submits a market order that closes the open position.</summary>
    public void SubmitClose(int index)
    {
        _totals.OrdersSent++;
        Queue(isClose: true, _side, _lots, index);
    }

    /// <summary>End of data: open positions close at the last tick, pending orders are cancelled.</summary>
    public void Finish()
    {
        if (_hasPending)
        {
            _hasPending = false;
            _totals.OrdersCancelled++;
        }

        if (_hasPosition)
        {
            ClosePosition(_lastTime, _side == TradeSide.Long ? _lastBid : _lastAsk, CloseReason.EndOfData, (_lastBid + _lastAsk) / 2);
        }
    }

    public ScenarioStatistics Statistics() => _totals.Statistics(_trades, _rules.InitialBalance, Balance, _marks);

    private void Queue(bool isClose, TradeSide side, double lots, int index)
    {
        var latency = _latency.Next();
        _hasPending = true;
        _pendingIsClose = isClose;
        _pendingSide = side;
        _pendingLots = lots;
        _pendingFillIndex = index + latency;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FillPending(int index, long time, double bid, double ask)
    {
        _hasPending = false;
        if (_pendingIsClose)
        {
            if (!_hasPosition)
            {
                _totals.OrdersCancelled++; // the position was closed by SL/TP while the order was on its way
                return;
            }

            _totals.OrdersFilled++;
            ClosePosition(time, _side == TradeSide.Long ? bid : ask, CloseReason.Signal, (bid + ask) / 2);
            return;
        }

        _totals.OrdersFilled++;
        _hasPosition = true;
        _positionMargin = _pendingMargin;
        _side = _pendingSide;
        _lots = _pendingLots;
        _openPrice = _side == TradeSide.Long ? ask : bid;
        _openTime = time;
        _openIndex = index;
        _openCommission = _lots * _rules.CommissionPerLot;
        _positionSwap = 0;
        _totals.Commissions += _openCommission;
        Balance -= _openCommission;
        _nextMidnight = Money.NextMidnight(time);
        _stopLoss = _rules.StopLossPoints is { } sl ? StopLevel.Points(sl).StopLossPrice(_side, _openPrice, _rules.Point) : double.NaN;
        _takeProfit = _rules.TakeProfitPoints is { } tp ? StopLevel.Points(tp).TakeProfitPrice(_side, _openPrice, _rules.Point) : double.NaN;
    }

    private void CheckStops(long time, double bid, double ask)
    {
        var isLong = _side == TradeSide.Long;
        var hit = ProtectiveStops.Check(isLong, bid, ask, _stopLoss, _takeProfit);
        if (hit != StopHit.None)
        {
            ClosePosition(time, isLong ? bid : ask, hit == StopHit.StopLoss ? CloseReason.StopLoss : CloseReason.TakeProfit, (bid + ask) / 2);
        }
    }

    /// <summary>Charges every 00:00 UTC crossed since the last charge, three times for the rollover weekday's night.</summary>
    private void ChargeSwap(long time, double mid)
    {
        var rate = _side == TradeSide.Long ? _rules.SwapLong : _rules.SwapShort;
        while (_nextMidnight <= time)
        {
            var charge = Money.ToAccount(Money.SwapAt(_nextMidnight, rate, _rules.Point, _contractSize, _lots, _rules.SwapRollover3Days), mid, _accountIsBase);
            Balance += charge;
            _totals.Swaps += charge;
            _positionSwap += charge;
            _nextMidnight += Money.Day;
        }
    }

    private void ClosePosition(long time, double price, string reason, double mid)
    {
        if (_rules.ApplySwap && time >= _nextMidnight)
        {
            ChargeSwap(time, mid); // a position held across 00:00 is charged even when it closes at the first tick after it
        }

        var pnl = Money.ToAccount(Money.PriceProfit(_side == TradeSide.Long, _openPrice, price, _contractSize, _lots), price, _accountIsBase);
        var closeCommission = _lots * _rules.CommissionPerLot;
        _totals.Commissions += closeCommission;
        Balance += pnl - closeCommission;
        _hasPosition = false;
        _trades.Add(ClosedTrade.Record(_trades.Count + 1, _side == TradeSide.Long, _lots, _openTime, _openPrice, time, price, reason,
            _openCommission, closeCommission, _positionSwap, pnl));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Unrealised(double bid, double ask)
    {
        var isLong = _side == TradeSide.Long;
        var price = isLong ? bid : ask;
        return Money.ToAccount(Money.PriceProfit(isLong, _openPrice, price, _contractSize, _lots), price, _accountIsBase);
    }
}
