using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Finiex.Sdk.Time;
using Finiex.Sdk.Workers;

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

    /// <summary>The same values as <see cref="Update"/> at every tick of the run, four ticks at a time where the CPU allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void UpdateRange(ReadOnlySpan<double> formingCloses, WorkerOutputs outputs)
    {
        var lower = outputs[0];
        var middle = outputs[1];
        var upper = outputs[2];
        IsReady = _window.Committed >= _window.Period - 1;
        if (!IsReady)
        {
            lower.Fill(double.NaN);
            middle.Fill(double.NaN);
            upper.Fill(double.NaN);
            Lower = Middle = Upper = double.NaN;
            return;
        }

        var sum = _window.PartialSum;
        double period = _window.Period;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var sums = Vector256.Create(sum);
            var periods = Vector256.Create(period);
            var upperFactors = Vector256.Create(_upperFactor);
            var lowerFactors = Vector256.Create(_lowerFactor);
            for (; i <= formingCloses.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var means = (sums + Vector256.Create(formingCloses.Slice(i, Vector256<double>.Count))) / periods;
                means.CopyTo(middle.Slice(i, Vector256<double>.Count));
                (means * upperFactors).CopyTo(upper.Slice(i, Vector256<double>.Count));
                (means * lowerFactors).CopyTo(lower.Slice(i, Vector256<double>.Count));
            }
        }

        for (; i < formingCloses.Length; i++)
        {
            var mean = (sum + formingCloses[i]) / period;
            middle[i] = mean;
            upper[i] = mean * _upperFactor;
            lower[i] = mean * _lowerFactor;
        }

        Middle = middle[^1];
        Upper = upper[^1];
        Lower = lower[^1];
    }
}
