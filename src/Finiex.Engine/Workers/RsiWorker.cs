using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Finiex.Sdk.Time;
using Finiex.Sdk.Workers;

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

        var (gainBase, lossBase) = AverageBases();
        var delta = formingClose - _lastClose;
        Value = Rsi((gainBase + Math.Max(delta, 0)) / _n, (lossBase + Math.Max(-delta, 0)) / _n);
        IsReady = true;
    }

    /// <summary>The same values as <see cref="Update"/> at every tick of the run, four ticks at a time where the CPU allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void UpdateRange(ReadOnlySpan<double> formingCloses, WorkerOutputs outputs)
    {
        var values = outputs[0];
        if (_closes < _period)
        {
            values.Fill(double.NaN);
            IsReady = false;
            Value = double.NaN;
            return;
        }

        var (gainBase, lossBase) = AverageBases();
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var last = Vector256.Create(_lastClose);
            var gains = Vector256.Create(gainBase);
            var losses = Vector256.Create(lossBase);
            var n = Vector256.Create(_n);
            var zero = Vector256<double>.Zero;
            var one = Vector256<double>.One;
            var hundred = Vector256.Create(100.0);
            for (; i <= formingCloses.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var delta = Vector256.Create(formingCloses.Slice(i, Vector256<double>.Count)) - last;
                var rise = Vector256.ConditionalSelect(Vector256.GreaterThan(delta, zero), delta, zero);
                var fall = Vector256.ConditionalSelect(Vector256.LessThan(delta, zero), -delta, zero);
                var avgGain = (gains + rise) / n;
                var avgLoss = (losses + fall) / n;
                var rsi = hundred - (hundred / (one + (avgGain / avgLoss)));
                Vector256.ConditionalSelect(Vector256.Equals(avgLoss, zero), hundred, rsi).CopyTo(values.Slice(i, Vector256<double>.Count));
            }
        }

        for (; i < formingCloses.Length; i++)
        {
            var delta = formingCloses[i] - _lastClose;
            values[i] = Rsi((gainBase + Math.Max(delta, 0)) / _n, (lossBase + Math.Max(-delta, 0)) / _n);
        }

        Value = values[^1];
        IsReady = true;
    }

    /// <summary>
    /// The committed part of the next averages, <c>avg = (base + x) / n</c>: the partial sums (simple), the seed sums when
    /// the forming delta is the n-th (wilder), else <c>avg·(n−1)</c> (wilder).
    /// </summary>
    private (double Gain, double Loss) AverageBases() =>
        !_wilder ? (_gains.PartialSum, _losses.PartialSum)
        : _closes - 1 < _period ? (_seedGain, _seedLoss)
        : (_avgGain * _nMinusOne, _avgLoss * _nMinusOne);

    private static double Rsi(double avgGain, double avgLoss) => avgLoss == 0 ? 100 : 100 - (100 / (1 + (avgGain / avgLoss)));

    /// <summary>Wilder's smoothing step, <c>(avg·(n−1) + x) / n</c>, shared by commits and the forming bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double WilderStep(double average, double value) => ((average * _nMinusOne) + value) / _n;
}
