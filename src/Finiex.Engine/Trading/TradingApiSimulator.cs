using System.Runtime.CompilerServices;
using Finiex.Contracts.Results;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Trading;

/// <summary>
/// The account of a strategy that trades through the trading API (SEMANTICS §6–7, §10): requests checked at submission
/// and carried out after a latency drawn from one stream, pending limit and stop orders with expiry, several positions
/// each with its own SL, TP, trailing distance, margin, commission and swap, partial closes, stop-out over all positions.
/// Step 1 of a tick runs in full only when something can happen at it — a request due, an order that can expire or
/// trigger, a stop that can be hit or trail, a midnight to charge; otherwise it only marks equity and checks stop-out.
/// Per tick it allocates nothing.
/// </summary>
public sealed class TradingApiSimulator : ISimulatedAccount, ITradingDesk
{
    private readonly TradingRules _rules;
    private readonly RequestLimits _limits;
    private readonly double _contractSize;
    private readonly double _point;
    private readonly bool _accountIsBase;
    private readonly bool _applySwap;
    private readonly StopOutRule _stopOut;
    private readonly RequestQueue<TradingRequest> _queue;
    private readonly List<TradingRequest> _due = [];
    private readonly List<OpenPosition> _positions = [];
    private readonly List<PendingOrder> _orders = [];
    private readonly List<TradeRecord> _trades = [];
    private long _nextPositionId = 1;
    private long _nextOrderId = 1;

    private EquityMarks _marks;
    private AccountTotals _totals;

    // The current tick (requests submitted at step 5 are checked against it).
    private int _index = -1;
    private long _time;
    private double _bid;
    private double _ask;

    // Where the full step is needed (see RecomputeWatch): a time, and prices at or beyond which something can happen.
    private long _wakeTime = long.MaxValue;
    private double _askAtOrBelow = double.NegativeInfinity;
    private double _askAtOrAbove = double.PositiveInfinity;
    private double _bidAtOrBelow = double.NegativeInfinity;
    private double _bidAtOrAbove = double.PositiveInfinity;

    public TradingApiSimulator(TradingRules rules)
    {
        _rules = rules;
        _limits = rules.Limits;
        _contractSize = rules.ContractSize;
        _point = rules.Point;
        _accountIsBase = rules.AccountIsBase;
        _applySwap = rules.ApplySwap;
        _stopOut = new StopOutRule(rules.StopOutMode, rules.StopOutLevel);
        _queue = new RequestQueue<TradingRequest>(new LatencyDraws(rules.LatencyMin, rules.LatencyMax, rules.LatencySeed));
        Balance = rules.InitialBalance;
        _marks = new EquityMarks(rules.InitialBalance);
    }

    public double Balance { get; private set; }

    public double Equity => _marks.Equity;

    /// <summary>The sum of the open positions' margins.</summary>
    public double Margin { get; private set; }

    public double FreeMargin => Equity - Margin;

    /// <summary>The open positions, in open order.</summary>
    public IReadOnlyList<OpenPosition> Positions => _positions;

    /// <summary>The placed pending orders, in placement order.</summary>
    public IReadOnlyList<PendingOrder> Orders => _orders;

    public IReadOnlyList<TradeRecord> Trades => _trades;

    public bool HasPendingOrder => _orders.Count > 0 || _queue.Count > 0;

    public (TradeSide Side, double Lots, double OpenPrice)? NetPosition
    {
        get
        {
            if (_positions.Count == 0)
            {
                return null;
            }

            double net = 0, weighted = 0, lots = 0;
            foreach (var position in _positions)
            {
                net += position.IsLong ? position.Lots : -position.Lots;
                weighted += position.OpenPrice * position.Lots;
                lots += position.Lots;
            }

            return (net >= 0 ? TradeSide.Long : TradeSide.Short, Math.Abs(net), weighted / lots);
        }
    }

    /// <summary>Requests submitted and not yet carried out.</summary>
    public int RequestsInFlight => _queue.Count;

    public long TicksProcessed => _totals.TicksProcessed;

    public long OrdersSent => _totals.OrdersSent;

    public long OrdersFilled => _totals.OrdersFilled;

    public long OrdersRejected => _totals.OrdersRejected;

    public long OrdersCancelled => _totals.OrdersCancelled;

    public long RequestsDropped => _totals.RequestsDropped;

    public long RequestsRejected => _totals.RequestsRejected;

    public long StopOuts => _totals.StopOuts;

    public double Commissions => _totals.Commissions;

    public double Swaps => _totals.Swaps;

    public double MaxDrawdown => _marks.MaxDrawdown;

    public double MaxDrawdownPct => _marks.MaxDrawdownPct;

    /// <summary>Step 1 of the tick loop (SEMANTICS §9), for tick <paramref name="index"/> of the window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnTick(int index, long time, double bid, double ask)
    {
        (_index, _time, _bid, _ask) = (index, time, bid, ask);
        _totals.TicksProcessed++;
        if (index >= _queue.NextDue || time >= _wakeTime || ask <= _askAtOrBelow || ask >= _askAtOrAbove || bid <= _bidAtOrBelow || bid >= _bidAtOrAbove)
        {
            FullStep(index, time, bid, ask);
            return;
        }

        MarkAndStopOut(time, bid, ask);
    }

    /// <summary>The lowest and highest equity marked since the last call (the current equity when nothing was marked).</summary>
    internal (double Low, double High) TakeRange() => _marks.TakeRange();

    // ----- Step 5: requests, checked at submission against the current tick -----

    /// <summary>An order to open at market; SL/TP as prices (checked against the ask of a buy, the bid of a sell) or points from the fill.</summary>
    public RequestRejection OpenMarket(TradeSide side, double lots, StopLevel stopLoss = default, StopLevel takeProfit = default, double trailingPoints = 0)
    {
        var check = RequestChecks.OpenVolume(lots, _limits);
        check = check != RequestRejection.None ? check : Levels(side, RequestChecks.OrderReference(side, _bid, _ask), stopLoss, takeProfit, trailingPoints);
        var margin = Money.Margin(lots, _contractSize, (_bid + _ask) / 2, _rules.Leverage, _accountIsBase);
        if (check == RequestRejection.None && margin > FreeMargin)
        {
            check = RequestRejection.NotEnoughMargin;
        }

        return SubmitOrder(check, new TradingRequest(RequestKind.OpenMarket, 0, side, default, lots, double.NaN, stopLoss, takeProfit, trailingPoints,
            PendingOrder.NoExpiry, margin));
    }

    /// <summary>A pending order to place; SL/TP as prices (checked against the order's price) or points from the fill.</summary>
    public RequestRejection PlacePending(PendingOrderType type, double lots, double price, StopLevel stopLoss = default, StopLevel takeProfit = default,
        double trailingPoints = 0, long expiryMs = PendingOrder.NoExpiry)
    {
        var check = RequestChecks.OpenVolume(lots, _limits);
        check = check != RequestRejection.None ? check : RequestChecks.PendingPrice(type, price, _bid, _ask, _limits);
        check = check != RequestRejection.None ? check : Levels(type.Side(), price, stopLoss, takeProfit, trailingPoints);
        return SubmitOrder(check, new TradingRequest(RequestKind.PlacePending, 0, type.Side(), type, lots, price, stopLoss, takeProfit, trailingPoints, expiryMs, 0));
    }

    /// <summary>An order to close <paramref name="lots"/> of a position (all of it when null).</summary>
    public RequestRejection Close(long positionId, double? lots = null)
    {
        var position = FindPosition(positionId);
        var check = position is null ? RequestRejection.UnknownTarget
            : lots is { } some ? RequestChecks.CloseVolume(some, position.Lots, _limits)
            : RequestRejection.None;
        return SubmitOrder(check, new TradingRequest(RequestKind.Close, positionId, position?.Side ?? default, default, lots ?? double.PositiveInfinity,
            double.NaN, default, default, 0, PendingOrder.NoExpiry, 0));
    }

    /// <summary>Changes a position's SL or TP (prices, checked against its bid for a long, its ask for a short) or its trailing distance; null leaves one as it is.</summary>
    public RequestRejection ModifyPosition(long positionId, double? stopLoss = null, double? takeProfit = null, double? trailingPoints = null)
    {
        var position = FindPosition(positionId);
        var check = position is null ? RequestRejection.UnknownTarget
            : RequestChecks.Protection(position.Side, RequestChecks.PositionReference(position.Side, _bid, _ask), stopLoss, takeProfit, _limits);
        check = check != RequestRejection.None ? check : RequestChecks.Distances(null, null, trailingPoints, _limits);
        return SubmitRequest(check, new TradingRequest(RequestKind.ModifyPosition, positionId, default, default, 0, double.NaN,
            stopLoss is { } sl ? StopLevel.AtPrice(sl) : default, takeProfit is { } tp ? StopLevel.AtPrice(tp) : default,
            trailingPoints ?? double.NaN, TradingRequest.KeepExpiry, 0));
    }

    /// <summary>Changes a pending order's price, SL, TP, trailing distance or expiry; null leaves one as it is.</summary>
    public RequestRejection ModifyOrder(long orderId, double? price = null, StopLevel? stopLoss = null, StopLevel? takeProfit = null, double? trailingPoints = null,
        long? expiryMs = null)
    {
        var order = FindOrder(orderId);
        var check = order is null ? RequestRejection.UnknownTarget
            : price is { } newPrice ? RequestChecks.PendingPrice(order.Type, newPrice, _bid, _ask, _limits)
            : RequestRejection.None;
        if (check == RequestRejection.None)
        {
            check = Levels(order!.Side, price ?? order.Price, stopLoss ?? default, takeProfit ?? default, trailingPoints ?? 0);
        }

        return SubmitRequest(check, new TradingRequest(RequestKind.ModifyOrder, orderId, default, default, 0, price ?? double.NaN, stopLoss ?? default,
            takeProfit ?? default, trailingPoints ?? double.NaN, expiryMs ?? TradingRequest.KeepExpiry, 0));
    }

    /// <summary>Cancels a pending order.</summary>
    public RequestRejection Cancel(long orderId) =>
        SubmitRequest(FindOrder(orderId) is null ? RequestRejection.UnknownTarget : RequestRejection.None,
            new TradingRequest(RequestKind.Cancel, orderId, default, default, 0, double.NaN, default, default, double.NaN, TradingRequest.KeepExpiry, 0));

    /// <summary>End of data: pending orders and orders in flight are cancelled, open positions close at the last tick.</summary>
    public void Finish()
    {
        _totals.OrdersCancelled += _orders.Count;
        _orders.Clear();
        _queue.Drain(_due);
        foreach (var request in _due)
        {
            if (request.IsOrder)
            {
                _totals.OrdersCancelled++;
            }
        }

        _due.Clear();
        while (_positions.Count > 0)
        {
            var position = _positions[0];
            ClosePosition(position, position.Lots, position.IsLong ? _bid : _ask, CloseReason.EndOfData, _time);
        }
    }

    public ScenarioStatistics Statistics() => _totals.Statistics(_trades, _rules.InitialBalance, Balance, _marks);

    private RequestRejection SubmitOrder(RequestRejection check, in TradingRequest request)
    {
        if (check != RequestRejection.None)
        {
            _totals.OrdersRejected++;
            return check;
        }

        _totals.OrdersSent++;
        _queue.Submit(_index, request);
        return RequestRejection.None;
    }

    private RequestRejection SubmitRequest(RequestRejection check, in TradingRequest request)
    {
        if (check != RequestRejection.None)
        {
            _totals.RequestsRejected++;
            return check;
        }

        _queue.Submit(_index, request);
        return RequestRejection.None;
    }

    /// <summary>SL/TP prices against their reference, and the SL, TP and trailing distances against the stops level.</summary>
    private RequestRejection Levels(TradeSide side, double reference, StopLevel stopLoss, StopLevel takeProfit, double trailingPoints)
    {
        var check = RequestChecks.Protection(side, reference, PriceOf(stopLoss), PriceOf(takeProfit), _limits);
        return check != RequestRejection.None ? check
            : RequestChecks.Distances(PointsOf(stopLoss), PointsOf(takeProfit), trailingPoints == 0 ? null : trailingPoints, _limits);

        static double? PriceOf(StopLevel level) => level.Kind == StopLevelKind.Price ? level.Value : null;
        static double? PointsOf(StopLevel level) => level.Kind == StopLevelKind.Points ? level.Value : null;
    }

    // ----- Step 1 -----

    /// <summary>
    /// Step 1 in the order of §9: swaps, due requests, pending triggers, SL/TP, trailing, equity, stop-out; events within a
    /// step go in position open order (or placement order for pending orders).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FullStep(int index, long time, double bid, double ask)
    {
        var mid = (bid + ask) / 2;
        if (_applySwap && _positions.Count > 0)
        {
            ChargeSwaps(time, mid);
        }

        if (index >= _queue.NextDue)
        {
            _queue.TakeDue(index, _due);
            foreach (var request in _due)
            {
                Execute(request, index, time, bid, ask);
            }

            _due.Clear();
        }

        if (_orders.Count > 0)
        {
            TriggerOrders(index, time, bid, ask, mid);
        }

        if (_positions.Count > 0)
        {
            CheckStops(index, time, bid, ask);
            Trail(index, bid, ask);
        }

        MarkAndStopOut(time, bid, ask);
        RecomputeWatch();
    }

    /// <summary>Each 00:00 UTC crossed, midnight by midnight, charged to the positions held across it in open order.</summary>
    private void ChargeSwaps(long time, double mid)
    {
        while (true)
        {
            var midnight = long.MaxValue;
            foreach (var position in _positions)
            {
                midnight = Math.Min(midnight, position.NextMidnight);
            }

            if (midnight > time)
            {
                return;
            }

            foreach (var position in _positions)
            {
                if (position.NextMidnight != midnight)
                {
                    continue;
                }

                var rate = position.IsLong ? _rules.SwapLong : _rules.SwapShort;
                var charge = Money.ToAccount(Money.SwapAt(midnight, rate, _point, _contractSize, position.Lots, _rules.SwapRollover3Days), mid, _accountIsBase);
                Balance += charge;
                _totals.Swaps += charge;
                position.Swap += charge;
                position.NextMidnight += Money.Day;
            }
        }
    }

    private void Execute(in TradingRequest request, int index, long time, double bid, double ask)
    {
        switch (request.Kind)
        {
            case RequestKind.OpenMarket:
                _totals.OrdersFilled++;
                Open(request.Side, request.Lots, request.Side == TradeSide.Long ? ask : bid, request.StopLoss, request.TakeProfit, request.TrailingPoints,
                    request.Margin, index, time);
                break;
            case RequestKind.PlacePending:
                _orders.Add(new PendingOrder(_nextOrderId++, request.OrderType, request.Lots, index)
                {
                    Price = request.Price,
                    StopLoss = request.StopLoss,
                    TakeProfit = request.TakeProfit,
                    TrailingPoints = request.TrailingPoints,
                    ExpiryMs = request.ExpiryMs,
                });
                break;
            case RequestKind.Close when FindPosition(request.TargetId) is { } position:
                _totals.OrdersFilled++;
                ClosePosition(position, request.Lots, position.IsLong ? bid : ask, CloseReason.CloseRequest, time);
                break;
            case RequestKind.ModifyPosition when FindPosition(request.TargetId) is { } position:
                if (request.StopLoss.IsSet)
                {
                    position.StopLoss = request.StopLoss.Value;
                    position.StopSetByTrailing = false;
                }

                if (request.TakeProfit.IsSet)
                {
                    position.TakeProfit = request.TakeProfit.Value;
                }

                if (!double.IsNaN(request.TrailingPoints))
                {
                    position.TrailingPoints = request.TrailingPoints;
                }

                break;
            case RequestKind.ModifyOrder when FindOrder(request.TargetId) is { } order:
                order.Price = double.IsNaN(request.Price) ? order.Price : request.Price;
                order.StopLoss = request.StopLoss.IsSet ? request.StopLoss : order.StopLoss;
                order.TakeProfit = request.TakeProfit.IsSet ? request.TakeProfit : order.TakeProfit;
                order.TrailingPoints = double.IsNaN(request.TrailingPoints) ? order.TrailingPoints : request.TrailingPoints;
                order.ExpiryMs = request.ExpiryMs == TradingRequest.KeepExpiry ? order.ExpiryMs : request.ExpiryMs;
                break;
            case RequestKind.Cancel when FindOrder(request.TargetId) is { } order:
                _orders.Remove(order);
                _totals.OrdersCancelled++;
                break;
            default:
                _totals.RequestsDropped++; // its position closed or its order filled, expired or was cancelled while it was on its way
                break;
        }
    }

    /// <summary>Orders placed before this tick, in placement order: expired ones are cancelled, triggered ones fill at the tick's own price if their margin fits.</summary>
    private void TriggerOrders(int index, long time, double bid, double ask, double mid)
    {
        for (var i = 0; i < _orders.Count;)
        {
            var order = _orders[i];
            if (order.PlacedIndex >= index)
            {
                i++;
                continue;
            }

            if (PendingOrderRules.IsExpired(order.ExpiryMs, time))
            {
                _orders.RemoveAt(i);
                _totals.OrdersCancelled++;
                continue;
            }

            if (!PendingOrderRules.Triggers(order.Type, order.Price, bid, ask))
            {
                i++;
                continue;
            }

            _orders.RemoveAt(i);
            var margin = Money.Margin(order.Lots, _contractSize, mid, _rules.Leverage, _accountIsBase);
            if (margin > FreeMarginAt(bid, ask))
            {
                _totals.OrdersRejected++;
                continue;
            }

            _totals.OrdersFilled++;
            Open(order.Side, order.Lots, PendingOrderRules.FillPrice(order.Type, bid, ask), order.StopLoss, order.TakeProfit, order.TrailingPoints, margin, index, time);
        }
    }

    /// <summary>Free margin within step 1: the balance so far, plus the open positions' unrealised P&amp;L at this tick's prices, less their margins.</summary>
    private double FreeMarginAt(double bid, double ask)
    {
        var equity = Balance;
        var margin = 0.0;
        foreach (var position in _positions)
        {
            equity += Unrealised(position, bid, ask);
            margin += position.Margin;
        }

        return equity - margin;
    }

    private void Open(TradeSide side, double lots, double price, StopLevel stopLoss, StopLevel takeProfit, double trailingPoints, double margin, int index, long time)
    {
        var commission = lots * _rules.CommissionPerLot;
        _totals.Commissions += commission;
        Balance -= commission;
        _positions.Add(new OpenPosition(_nextPositionId++, side, lots, time, index, price)
        {
            StopLoss = stopLoss.StopLossPrice(side, price, _point),
            TakeProfit = takeProfit.TakeProfitPrice(side, price, _point),
            TrailingPoints = trailingPoints,
            OpenCommission = commission,
            Margin = margin,
            NextMidnight = Money.NextMidnight(time),
        });
    }

    /// <summary>SL/TP of the positions filled before this tick, in open order: a long at its bid, a short at its ask; SL wins a tie.</summary>
    private void CheckStops(int index, long time, double bid, double ask)
    {
        for (var i = 0; i < _positions.Count;)
        {
            var position = _positions[i];
            var hit = position.OpenIndex < index ? ProtectiveStops.Check(position.IsLong, bid, ask, position.StopLoss, position.TakeProfit) : StopHit.None;
            if (hit == StopHit.None)
            {
                i++;
                continue;
            }

            var reason = hit == StopHit.TakeProfit ? CloseReason.TakeProfit : position.StopSetByTrailing ? CloseReason.TrailingStop : CloseReason.StopLoss;
            ClosePosition(position, position.Lots, position.IsLong ? bid : ask, reason, time);
        }
    }

    /// <summary>Trailing stops of the positions filled before this tick, after the SL/TP checks.</summary>
    private void Trail(int index, double bid, double ask)
    {
        foreach (var position in _positions)
        {
            if (position.OpenIndex >= index || position.TrailingPoints <= 0)
            {
                continue;
            }

            var trailed = TrailingStopRule.Trail(position.Side, position.StopLoss, bid, ask, position.TrailingPoints, _point);
            if (!trailed.Equals(position.StopLoss))
            {
                position.StopLoss = trailed;
                position.StopSetByTrailing = true;
            }
        }
    }

    /// <summary>Equity marked one position at a time in open order, then the stop-out of §6.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MarkAndStopOut(long time, double bid, double ask)
    {
        if (_positions.Count == 0)
        {
            MarkEquity(Balance);
            return;
        }

        MarkPositions(bid, ask);
        if (_stopOut.Hits(Equity, Margin))
        {
            StopOut(time, bid, ask);
        }
    }

    private void MarkPositions(double bid, double ask)
    {
        var equity = Balance;
        var margin = 0.0;
        foreach (var position in _positions)
        {
            var unrealised = Unrealised(position, bid, ask);
            position.UnrealisedPnl = unrealised;
            equity += unrealised;
            margin += position.Margin;
        }

        Margin = margin;
        MarkEquity(equity);
    }

    /// <summary>While the condition holds, the position with the lowest unrealised P&amp;L (the earliest on a tie) closes, and equity is marked again.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void StopOut(long time, double bid, double ask)
    {
        while (_positions.Count > 0 && _stopOut.Hits(Equity, Margin))
        {
            var worst = _positions[0];
            foreach (var position in _positions)
            {
                if (position.UnrealisedPnl < worst.UnrealisedPnl)
                {
                    worst = position;
                }
            }

            ClosePosition(worst, worst.Lots, worst.IsLong ? bid : ask, CloseReason.StopOut, time);
            _totals.StopOuts++;
            if (_positions.Count == 0)
            {
                Margin = 0;
                MarkEquity(Balance);
            }
            else
            {
                MarkPositions(bid, ask);
            }
        }

        RecomputeWatch();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MarkEquity(double equity) => _marks.Mark(equity);

    /// <summary>
    /// Closes <paramref name="lots"/> of the position (all when that is at least what it holds) as a trade of its own: the
    /// price P&amp;L and closing commission of those lots and the shares k/n of its opening commission, swaps and margin.
    /// </summary>
    private void ClosePosition(OpenPosition position, double lots, double price, string reason, long time)
    {
        var (openCommission, swap) = (position.OpenCommission, position.Swap);
        if (lots < position.Lots)
        {
            (openCommission, position.OpenCommission) = PartialClose.Split(position.OpenCommission, lots, position.Lots);
            (swap, position.Swap) = PartialClose.Split(position.Swap, lots, position.Lots);
            (_, position.Margin) = PartialClose.Split(position.Margin, lots, position.Lots);
            position.Lots -= lots;
        }
        else
        {
            lots = position.Lots;
            _positions.Remove(position);
        }

        var pnl = Money.ToAccount(Money.PriceProfit(position.IsLong, position.OpenPrice, price, _contractSize, lots), price, _accountIsBase);
        var closeCommission = lots * _rules.CommissionPerLot;
        _totals.Commissions += closeCommission;
        Balance += pnl - closeCommission;
        _trades.Add(ClosedTrade.Record(_trades.Count + 1, position.IsLong, lots, position.OpenTimeMs, position.OpenPrice, time, price, reason,
            openCommission, closeCommission, swap, pnl));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Unrealised(OpenPosition position, double bid, double ask)
    {
        var price = position.IsLong ? bid : ask;
        return Money.ToAccount(Money.PriceProfit(position.IsLong, position.OpenPrice, price, _contractSize, position.Lots), price, _accountIsBase);
    }

    private OpenPosition? FindPosition(long id)
    {
        foreach (var position in _positions)
        {
            if (position.Id == id)
            {
                return position;
            }
        }

        return null;
    }

    private PendingOrder? FindOrder(long id)
    {
        foreach (var order in _orders)
        {
            if (order.Id == id)
            {
                return order;
            }
        }

        return null;
    }

    /// <summary>
    /// The prices and time at which the next tick needs the full step: an order's trigger or expiry, a position's SL or TP,
    /// the bid (long) or ask (short) at which a trailing stop would move, the next midnight to charge. Trailing bounds sit a
    /// millionth of a point on the safe side, so the exact rule in the full step decides every tick that could move one.
    /// </summary>
    private void RecomputeWatch()
    {
        var slack = _point * 1e-6;
        (_wakeTime, _askAtOrBelow, _askAtOrAbove, _bidAtOrBelow, _bidAtOrAbove) =
            (long.MaxValue, double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity);
        foreach (var order in _orders)
        {
            _wakeTime = Math.Min(_wakeTime, order.ExpiryMs);
            switch (order.Type)
            {
                case PendingOrderType.BuyLimit: _askAtOrBelow = Math.Max(_askAtOrBelow, order.Price); break;
                case PendingOrderType.BuyStop: _askAtOrAbove = Math.Min(_askAtOrAbove, order.Price); break;
                case PendingOrderType.SellLimit: _bidAtOrAbove = Math.Min(_bidAtOrAbove, order.Price); break;
                default: _bidAtOrBelow = Math.Max(_bidAtOrBelow, order.Price); break;
            }
        }

        foreach (var position in _positions)
        {
            if (_applySwap)
            {
                _wakeTime = Math.Min(_wakeTime, position.NextMidnight);
            }

            var (stopLoss, takeProfit) = (position.StopLoss, position.TakeProfit); // NaN never wins Min/Max below, so it is skipped
            var trailsFrom = position.TrailingPoints <= 0 ? double.NaN
                : double.IsNaN(stopLoss) ? (position.IsLong ? double.NegativeInfinity : double.PositiveInfinity)
                : position.IsLong ? stopLoss + (position.TrailingPoints * _point) - slack : stopLoss - (position.TrailingPoints * _point) + slack;
            if (position.IsLong)
            {
                _bidAtOrBelow = MaxOf(_bidAtOrBelow, stopLoss);
                _bidAtOrAbove = MinOf(MinOf(_bidAtOrAbove, takeProfit), trailsFrom);
            }
            else
            {
                _askAtOrAbove = MinOf(_askAtOrAbove, stopLoss);
                _askAtOrBelow = MaxOf(MaxOf(_askAtOrBelow, takeProfit), trailsFrom);
            }
        }

        static double MinOf(double bound, double value) => double.IsNaN(value) ? bound : Math.Min(bound, value);
        static double MaxOf(double bound, double value) => double.IsNaN(value) ? bound : Math.Max(bound, value);
    }
}
