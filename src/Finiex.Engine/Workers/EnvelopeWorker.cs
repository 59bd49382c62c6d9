using Finiex.Core.Time;
using System.Runtime.CompilerServices;

namespace Finiex.Engine.Workers;

/// <summary><c>middle = sma(n)</c>, <c>upper/lower = middle·(1 ± p/100)</c> (SEMANTICS §4).</summary>
public sealed class EnvelopeWorker : BandWorker
{
    private readonly CloseWindow _window;
    private readonly double _upperFactor;
    private readonly double _lowerFactor;

    public EnvelopeWorker(string name, Timeframe timeframe, int period, double deviationPct)
        : base(name, timeframe)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new CloseWindow(period);
        _upperFactor = 1 + (deviationPct / 100);
        _lowerFactor = 1 - (deviationPct / 100);
    }

    public override void CommitClose(double close) => _window.Commit(close);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Update(double formingClose)
    {
        IsReady = _window.Committed >= _window.Period - 1;
        if (!IsReady)
        {
            Lower = Middle = Upper = double.NaN;
            return;
        }

        Middle = (_window.PartialSum + formingClose) / _window.Period;
        Upper = Middle * _upperFactor;
        Lower = Middle * _lowerFactor;
    }
}
