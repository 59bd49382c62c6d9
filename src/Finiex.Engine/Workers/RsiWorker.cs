using Finiex.Core.Time;
using System.Runtime.CompilerServices;

namespace Finiex.Engine.Workers;

/// <summary>
/// RSI of bar closes (SEMANTICS §4). Wilder: the averages start as the plain means of the first n gains/losses, then
/// <c>avg = (avg·(n−1) + x) / n</c>; the forming bar's delta is applied as one more step without committing it.
/// Simple: the means of the last n deltas. Ready with n + 1 closes, the forming close included.
/// </summary>
public sealed class RsiWorker : OscillatorWorker
{
    private readonly int _period;
    // The period as doubles (exact conversions), so the per-tick path converts nothing.
    private readonly double _n;
    private readonly double _nMinusOne;
    private readonly bool _wilder;
    private readonly CloseWindow _gains;
    private readonly CloseWindow _losses;
    private long _closes;
    private double _lastClose;
    private double _seedGain;
    private double _seedLoss;
    private double _avgGain;
    private double _avgLoss;

    public RsiWorker(string name, Timeframe timeframe, int period, bool wilder)
        : base(name, timeframe)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _n = period;
        _nMinusOne = period - 1;
        _wilder = wilder;
        _gains = new CloseWindow(period);
        _losses = new CloseWindow(period);
    }

    public override void CommitClose(double close)
    {
        if (_closes > 0)
        {
            var delta = close - _lastClose;
            var gain = Math.Max(delta, 0);
            var loss = Math.Max(-delta, 0);
            var deltasBefore = _closes - 1;
            if (_wilder)
            {
                if (deltasBefore < _period)
                {
                    _seedGain += gain;
                    _seedLoss += loss;
                    if (deltasBefore + 1 == _period)
                    {
                        _avgGain = _seedGain / _period;
                        _avgLoss = _seedLoss / _period;
                    }
                }
                else
                {
                    _avgGain = WilderStep(_avgGain, gain);
                    _avgLoss = WilderStep(_avgLoss, loss);
                }
            }
            else
            {
                _gains.Commit(gain);
                _losses.Commit(loss);
            }
        }

        _lastClose = close;
        _closes++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Update(double formingClose)
    {
        if (_closes < _period)
        {
            IsReady = false;
            Value = double.NaN;
            return;
        }

        var delta = formingClose - _lastClose;
        var gain = Math.Max(delta, 0);
        var loss = Math.Max(-delta, 0);
        double avgGain, avgLoss;
        if (!_wilder)
        {
            avgGain = (_gains.PartialSum + gain) / _n;
            avgLoss = (_losses.PartialSum + loss) / _n;
        }
        else if (_closes - 1 < _period)
        {
            // The forming delta is the n-th: it completes the plain-mean seed.
            avgGain = (_seedGain + gain) / _n;
            avgLoss = (_seedLoss + loss) / _n;
        }
        else
        {
            avgGain = WilderStep(_avgGain, gain);
            avgLoss = WilderStep(_avgLoss, loss);
        }

        Value = avgLoss == 0 ? 100 : 100 - (100 / (1 + (avgGain / avgLoss)));
        IsReady = true;
    }

    /// <summary>Wilder's smoothing step, <c>(avg·(n−1) + x) / n</c>, shared by commits and the forming bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double WilderStep(double average, double value) => ((average * _nMinusOne) + value) / _n;
}
