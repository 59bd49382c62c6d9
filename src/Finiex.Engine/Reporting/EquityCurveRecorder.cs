using System.Runtime.InteropServices;
using Finiex.Contracts.Results;
using Finiex.Sdk.Time;

namespace Finiex.Engine.Reporting;

/// <summary>
/// Builds a scenario's <see cref="EquityCurve"/> from what the tick loop hands it once per stretch of ticks (a block,
/// cut at each midnight): bounded memory, no work per tick. When the points reach <see cref="EquityCurve.MaxPoints"/>,
/// neighbours are merged in pairs (lowest low, highest high, the later close), so the curve keeps between half and all
/// of its budget whatever the tick count, and no trough or peak is lost.
/// </summary>
internal sealed class EquityCurveRecorder
{
    private const long MsPerDay = 86_400_000;
    private readonly List<long> _times = [];
    private readonly List<double> _equity = [];
    private readonly List<double> _low = [];
    private readonly List<double> _high = [];
    private readonly List<double> _balance = [];
    private readonly List<long> _days = [];
    private readonly List<double> _dayEquity = [];
    private int _stretchesPerPoint = 1;
    private int _pendingStretches;

    /// <summary>Start of the first day after the current one: a stretch never crosses it.</summary>
    public long NextDay { get; private set; } = long.MinValue;

    /// <summary>Called before the first tick of each day (and the very first tick): the loop cuts its stretches there.</summary>
    public void StartDay(long time) => NextDay = Timeframe.D1.BucketStart(time) + MsPerDay;

    /// <summary>A stretch of ticks ended at <paramref name="lastTime"/> with these equity extremes and closing values.</summary>
    public void AddStretch(long lastTime, double low, double high, double equity, double balance)
    {
        if (_pendingStretches > 0)
        {
            var last = _times.Count - 1;
            _times[last] = lastTime;
            _low[last] = Math.Min(_low[last], low);
            _high[last] = Math.Max(_high[last], high);
            _equity[last] = equity;
            _balance[last] = balance;
        }
        else
        {
            _times.Add(lastTime);
            _low.Add(low);
            _high.Add(high);
            _equity.Add(equity);
            _balance.Add(balance);
        }

        _pendingStretches = (_pendingStretches + 1) % _stretchesPerPoint;
        if (_pendingStretches == 0 && _times.Count == EquityCurve.MaxPoints)
        {
            Halve();
        }
    }

    /// <summary>The day that <see cref="NextDay"/> ends is over; <paramref name="equity"/> was marked at its last tick.</summary>
    public void EndDay(double equity)
    {
        _days.Add(NextDay - MsPerDay);
        _dayEquity.Add(equity);
    }

    public EquityCurve Build() => new()
    {
        Times = [.. _times],
        Equity = [.. _equity],
        Low = [.. _low],
        High = [.. _high],
        Balance = [.. _balance],
        Days = [.. _days],
        DayEquity = [.. _dayEquity],
    };

    private void Halve()
    {
        var kept = 0;
        for (var i = 0; i < _times.Count; i += 2)
        {
            var j = Math.Min(i + 1, _times.Count - 1);
            _times[kept] = _times[j];
            _low[kept] = Math.Min(_low[i], _low[j]);
            _high[kept] = Math.Max(_high[i], _high[j]);
            _equity[kept] = _equity[j];
            _balance[kept] = _balance[j];
            kept++;
        }

        CollectionsMarshal.SetCount(_times, kept);
        CollectionsMarshal.SetCount(_low, kept);
        CollectionsMarshal.SetCount(_high, kept);
        CollectionsMarshal.SetCount(_equity, kept);
        CollectionsMarshal.SetCount(_balance, kept);

        _stretchesPerPoint *= 2;
    }
}
