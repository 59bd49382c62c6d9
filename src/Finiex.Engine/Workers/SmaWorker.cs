using Finiex.Core.Time;
using System.Runtime.CompilerServices;

namespace Finiex.Engine.Workers;

/// <summary>Mean of the last n closes, the forming close included (SEMANTICS §4). Ready with n closes.</summary>
public sealed class SmaWorker : IValueWorker
{
    private readonly CloseWindow _window;

    public SmaWorker(string name, Timeframe timeframe, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Name = name;
        Timeframe = timeframe;
        _window = new CloseWindow(period);
        OutputNames = [name];
    }

    public string Name { get; }

    public Timeframe Timeframe { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public bool IsReady { get; private set; }

    public double Value { get; private set; } = double.NaN;

    public void CommitClose(double close) => _window.Commit(close);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(double formingClose)
    {
        IsReady = _window.Committed >= _window.Period - 1;
        Value = IsReady ? (_window.PartialSum + formingClose) / _window.Period : double.NaN;
    }

    public void WriteOutputs(Span<double> destination) => destination[0] = Value;
}
