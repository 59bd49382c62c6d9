using Finiex.Core.Time;
using System.Runtime.CompilerServices;

namespace Finiex.Engine.Workers;

/// <summary>
/// RSI of bar closes (SEMANTICS §4). Wilder: the averages start as the plain means of the first n gains/losses, then
/// <c>avg = (avg·(n−1) + x) / n</c>; the forming bar's delta is applied as one more step without committing it.
/// Simple: the means of the last n deltas. Ready with n + 1 closes, the forming close included.
/// </summary>
public sealed class RsiWorker : IOscillatorWorker
{
    private readonly int _period;
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
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Name = name;
        Timeframe = timeframe;
        _period = period;
        _wilder = wilder;
        _gains = new CloseWindow(period);
        _losses = new CloseWindow(period);
        OutputNames = [name];
    }

    public string Name { get; }

    public Timeframe Timeframe { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public bool IsReady { get; private set; }

    public double Value { get; private set; } = double.NaN;

    public void CommitClose(double close)
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
                    _avgGain = ((_avgGain * (_period - 1)) + gain) / _period;
                    _avgLoss = ((_avgLoss * (_period - 1)) + loss) / _period;
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
    public void Update(double formingClose)
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
            avgGain = (_gains.PartialSum + gain) / _period;
            avgLoss = (_losses.PartialSum + loss) / _period;
        }
        else if (_closes - 1 < _period)
        {
            // The forming delta is the n-th: it completes the plain-mean seed.
            avgGain = (_seedGain + gain) / _period;
            avgLoss = (_seedLoss + loss) / _period;
        }
        else
        {
            avgGain = ((_avgGain * (_period - 1)) + gain) / _period;
            avgLoss = ((_avgLoss * (_period - 1)) + loss) / _period;
        }

        Value = avgLoss == 0 ? 100 : 100 - (100 / (1 + (avgGain / avgLoss)));
        IsReady = true;
    }

    public void WriteOutputs(Span<double> destination) => destination[0] = Value;
}
