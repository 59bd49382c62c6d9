using System.Runtime.CompilerServices;
using Finiex.Sdk.Time;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Workers;

/// <summary>
/// <c>middle</c> = mean of the last n closes, σ = population standard deviation of the same n closes (two-pass:
/// squared deviations from the mean summed oldest to newest, divided by n), <c>upper/lower = middle ± k·σ</c>.
/// O(n) per tick: the deviations depend on the forming close.
/// </summary>
public sealed class BollingerWorker : BandWorker
{
    private readonly CloseWindow _window;
    private readonly double _k;

    public BollingerWorker(string name, Timeframe timeframe, int period, double k)
        : base(name, timeframe)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new CloseWindow(period);
        _k = k;
    }

    public override void CommitClose(double close) => _window.Commit(close);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Update(double formingClose)
    {
        var n = _window.Period;
        IsReady = _window.Committed >= n - 1;
        if (!IsReady)
        {
            Lower = Middle = Upper = double.NaN;
            return;
        }

        var mean = (_window.PartialSum + formingClose) / n;
        var squares = 0.0;
        for (var back = n - 2; back >= 0; back--)
        {
            var deviation = _window.Recent(back) - mean;
            squares += deviation * deviation;
        }

        var last = formingClose - mean;
        squares += last * last;
        var sigma = Math.Sqrt(squares / n);
        Middle = mean;
        Upper = mean + (_k * sigma);
        Lower = mean - (_k * sigma);
    }
}
