
using Finiex.Sdk.Bars;
using Finiex.Sdk.Time;

namespace Finiex.Sdk.Trading;

/// <summary>
/// What a strategy sees at step 4 and the requests it may submit at step 5 (SEMANTICS §10). One per scenario, updated in
/// place at every tick. Requests go to the account in call order; each returns <see cref="RequestRejection.None"/> when it
/// passed its checks (it is then in flight, and not visible until carried out) or why it was rejected.
/// </summary>
public sealed class TradingContext
{
    private readonly ITradingDesk _account;
    // The desk's lists live as long as it: read once, so a strategy's per-tick look at them is a field load, not an interface call.
    private readonly IReadOnlyList<OpenPosition> _positions;
    private readonly IReadOnlyList<PendingOrder> _orders;
    private readonly BarSeries[] _series;
    private bool[] _closedThisTick;

    internal TradingContext(ITradingDesk account, BarSeries[] series, double point)
    {
        _account = account;
        _positions = account.Positions;
        _orders = account.Orders;
        Point = point;
        _series = series;
        _closedThisTick = new bool[series.Length];
    }

    /// <summary>The tick's index in the scenario's window (0 for the first).</summary>
    public int TickIndex { get; private set; }

    public long TimeMs { get; private set; }

    public double Bid { get; private set; }

    public double Ask { get; private set; }

    /// <summary>The symbol's point: distances in points are multiples of it.</summary>
    public double Point { get; }

    public double Balance => _account.Balance;

    public double Equity => _account.Equity;

    /// <summary>The sum of the open positions' margins.</summary>
    public double Margin => _account.Margin;

    public double FreeMargin => _account.FreeMargin;

    /// <summary>The open positions, in open order.</summary>
    public IReadOnlyList<OpenPosition> Positions => _positions;

    /// <summary>The placed pending orders, in placement order.</summary>
    public IReadOnlyList<PendingOrder> Orders => _orders;

    /// <summary>The bars of <paramref name="timeframe"/>: one the strategy declared, or one of its workers'.</summary>
    public BarsView Bars(Timeframe timeframe)
    {
        for (var s = 0; s < _series.Length; s++)
        {
            if (_series[s].Timeframe == timeframe)
            {
                return new BarsView(_series[s], _closedThisTick[s]);
            }
        }

        throw new InvalidOperationException($"No {timeframe} bars are rendered for this scenario: declare them in the strategy type's Bars.");
    }

    public RequestRejection OpenMarket(TradeSide side, double lots, StopLevel stopLoss = default, StopLevel takeProfit = default, double trailingPoints = 0) =>
        _account.OpenMarket(side, lots, stopLoss, takeProfit, trailingPoints);

    public RequestRejection PlacePending(PendingOrderType type, double lots, double price, StopLevel stopLoss = default, StopLevel takeProfit = default,
        double trailingPoints = 0, long expiryMs = PendingOrder.NoExpiry) =>
        _account.PlacePending(type, lots, price, stopLoss, takeProfit, trailingPoints, expiryMs);

    public RequestRejection Close(long positionId, double? lots = null) => _account.Close(positionId, lots);

    public RequestRejection ModifyPosition(long positionId, double? stopLoss = null, double? takeProfit = null, double? trailingPoints = null) =>
        _account.ModifyPosition(positionId, stopLoss, takeProfit, trailingPoints);

    public RequestRejection ModifyOrder(long orderId, double? price = null, StopLevel? stopLoss = null, StopLevel? takeProfit = null, double? trailingPoints = null,
        long? expiryMs = null) =>
        _account.ModifyOrder(orderId, price, stopLoss, takeProfit, trailingPoints, expiryMs);

    public RequestRejection Cancel(long orderId) => _account.Cancel(orderId);

    internal void SetTick(int index, long time, double bid, double ask)
    {
        (TickIndex, TimeMs, Bid, Ask) = (index, time, bid, ask);
    }

    internal void SetClosed(int series, bool closed) => _closedThisTick[series] = closed;

    /// <summary>Reads which series closed a bar from the loop's own flags, indexed as this context's series (no copy per tick).</summary>
    internal void ReadClosedFrom(bool[] flags) => _closedThisTick = flags;
}
