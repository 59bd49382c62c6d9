using Finiex.Core.Time;
using System.Runtime.CompilerServices;

namespace Finiex.Engine.Workers;

/// <summary><c>middle = sma(n)</c>, <c>upper/lower = middle·(1 ± p/100)</c> (SEMANTICS §4).</summary>
public sealed class EnvelopeWorker : IBandWorker
{
    private readonly CloseWindow _window;
    private readonly double _upperFactor;
    private readonly double _lowerFactor;

    public EnvelopeWorker(string name, Timeframe timeframe, int period, double deviationPct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Name = name;
        Timeframe = timeframe;
        _window = new CloseWindow(period);
        _upperFactor = 1 + (deviationPct / 100);
        _lowerFactor = 1 - (deviationPct / 100);
        OutputNames = [$"{name}.lower", $"{name}.middle", $"{name}.upper"];
    }

    public string Name { get; }

    public Timeframe Timeframe { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public bool IsReady { get; private set; }

    public double Lower { get; private set; } = double.NaN;

    public double Middle { get; private set; } = double.NaN;

    public double Upper { get; private set; } = double.NaN;

    public void CommitClose(double close) => _window.Commit(close);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(double formingClose)
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

    public void WriteOutputs(Span<double> destination)
    {
        destination[0] = Lower;
        destination[1] = Middle;
        destination[2] = Upper;
    }
}
