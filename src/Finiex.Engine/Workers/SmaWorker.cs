using System.Runtime.CompilerServices;
using Finiex.Sdk.Time;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Workers;

/// <summary>Mean of the last n closes, the forming close included (SEMANTICS §4). Ready with n closes.</summary>
public sealed class SmaWorker : ValueWorker
{
    private readonly CloseWindow _window;

    public SmaWorker(string name, Timeframe timeframe, int period)
        : base(name, timeframe)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new CloseWindow(period);
    }

    public override void CommitClose(double close) => _window.Commit(close);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Update(double formingClose)
    {
        IsReady = _window.Committed >= _window.Period - 1;
        Value = IsReady ? (_window.PartialSum + formingClose) / _window.Period : double.NaN;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void UpdateRange(ReadOnlySpan<double> formingCloses, WorkerOutputs outputs)
    {
        var values = outputs[0];
        IsReady = _window.Committed >= _window.Period - 1;
        if (!IsReady)
        {
            values.Fill(double.NaN);
            Value = double.NaN;
            return;
        }

        var sum = _window.PartialSum;
        double period = _window.Period;
        for (var i = 0; i < formingCloses.Length; i++)
        {
            values[i] = (sum + formingCloses[i]) / period;
        }

        Value = values[^1];
    }
}
