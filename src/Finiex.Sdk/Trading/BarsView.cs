
using Finiex.Sdk.Bars;
using Finiex.Sdk.Time;

namespace Finiex.Sdk.Trading;

/// <summary>
/// The bars of one timeframe as a strategy sees them at a tick: the closed bars (warmup bars first, oldest first) and the
/// forming bar, which this tick has already updated (SEMANTICS §2, §9). A view: nothing is copied.
/// </summary>
public readonly struct BarsView
{
    private readonly BarSeries _series;

    internal BarsView(BarSeries series, bool closedThisTick)
    {
        _series = series;
        ClosedThisTick = closedThisTick;
    }

    public Timeframe Timeframe => _series.Timeframe;

    /// <summary>True when this tick closed a bar (it is then the last closed bar); never at the window's first tick.</summary>
    public bool ClosedThisTick { get; }

    /// <summary>Closed bars, warmup bars included.</summary>
    public int Count => _series.Count;

    public ReadOnlySpan<long> Starts => _series.Starts;

    public ReadOnlySpan<double> Open => _series.Open;

    public ReadOnlySpan<double> High => _series.High;

    public ReadOnlySpan<double> Low => _series.Low;

    public ReadOnlySpan<double> Close => _series.Close;

    /// <summary>Start of the forming bar's bucket (the current tick's).</summary>
    public long FormingStart => _series.FormingStart;

    public double FormingOpen => _series.FormingOpen;

    public double FormingHigh => _series.FormingHigh;

    public double FormingLow => _series.FormingLow;

    public double FormingClose => _series.FormingClose;
}
