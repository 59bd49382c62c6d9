using System.Runtime.CompilerServices;
using Finiex.Sdk.Time;

namespace Finiex.Sdk.Bars;

/// <summary>
/// The bars of one timeframe: closed bars as growable columns (appended once per bar, never per tick) and the forming
/// bar, the bucket of the latest tick (SEMANTICS §2). Warmup bars come first, flagged by <see cref="WarmupCount"/>.
/// </summary>
internal sealed class BarSeries
{
    private long[] _starts = new long[256];
    private double[] _open = new double[256];
    private double[] _high = new double[256];
    private double[] _low = new double[256];
    private double[] _close = new double[256];
    private int[] _ticks = new int[256];

    public BarSeries(Timeframe timeframe)
    {
        Timeframe = timeframe;
    }

    public Timeframe Timeframe { get; }

    /// <summary>Closed bars held, warmup bars included.</summary>
    public int Count { get; private set; }

    public int WarmupCount { get; private set; }

    public bool HasForming { get; private set; }

    public long FormingStart { get; private set; }

    /// <summary>Start of the next bucket: a tick at or after it closes the forming bar.</summary>
    public long FormingEnd { get; private set; } = long.MinValue;

    public double FormingOpen { get; private set; }

    public double FormingHigh { get; private set; }

    public double FormingLow { get; private set; }

    public double FormingClose { get; private set; }

    public int FormingTicks { get; private set; }

    public ReadOnlySpan<long> Starts => _starts.AsSpan(0, Count);

    public ReadOnlySpan<double> Open => _open.AsSpan(0, Count);

    public ReadOnlySpan<double> High => _high.AsSpan(0, Count);

    public ReadOnlySpan<double> Low => _low.AsSpan(0, Count);

    public ReadOnlySpan<double> Close => _close.AsSpan(0, Count);

    public ReadOnlySpan<int> TickCounts => _ticks.AsSpan(0, Count);

    /// <summary>Marks the closed bars held so far as warmup bars (they were appended with <see cref="Append"/> before the first tick).</summary>
    public void MarkWarmup() => WarmupCount = Count;

    /// <summary>Adds a tick's mid. Returns true when the tick closed the forming bar (it is then the last closed bar).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool OnTick(long time, double mid)
    {
        if (time >= FormingEnd)
        {
            return StartBucket(time, mid);
        }

        if (mid > FormingHigh)
        {
            FormingHigh = mid;
        }

        if (mid < FormingLow)
        {
            FormingLow = mid;
        }

        FormingClose = mid;
        FormingTicks++;
        return false;
    }

    /// <summary>
    /// Step 2 for a run of ticks (times in order): renders them into the forming bar, closing bars as buckets change.
    /// Writes the offsets of the ticks that closed a bar (each then opened the next) to <paramref name="closedAt"/> and
    /// returns how many there were. The same bars as <see cref="OnTick"/> tick by tick.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int OnTicks(ReadOnlySpan<long> times, ReadOnlySpan<double> mids, Span<int> closedAt)
    {
        var closes = 0;
        var i = 0;
        while (i < times.Length)
        {
            if (times[i] >= FormingEnd)
            {
                if (StartBucket(times[i], mids[i]))
                {
                    closedAt[closes++] = i;
                }

                i++;
                continue;
            }

            var end = times[^1] < FormingEnd ? times.Length : i + FirstAtOrAfter(times[i..], FormingEnd);
            var run = mids[i..end];
            (FormingLow, FormingHigh) = RunExtremes.Of(run, FormingLow, FormingHigh);
            FormingClose = run[^1];
            FormingTicks += run.Length;
            i = end;
        }

        return closes;
    }

    /// <summary>Index of the first time at or after <paramref name="time"/> (times in order; the length when none is).</summary>
    private static int FirstAtOrAfter(ReadOnlySpan<long> times, long time)
    {
        var (low, high) = (0, times.Length);
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (times[middle] < time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Closes the forming bar as if a later bucket had started (used when the ticks are known to end here).</summary>
    public void CloseForming()
    {
        if (HasForming)
        {
            Append(FormingStart, FormingOpen, FormingHigh, FormingLow, FormingClose, FormingTicks);
            HasForming = false;
            FormingEnd = long.MinValue;
        }
    }

    /// <summary>The tick opens a new bucket: the forming bar, if any, closes (once per bar, so kept out of line).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool StartBucket(long time, double mid)
    {
        var closed = HasForming;
        if (closed)
        {
            Append(FormingStart, FormingOpen, FormingHigh, FormingLow, FormingClose, FormingTicks);
        }

        // Division only when the bucket changes.
        FormingStart = Timeframe.BucketStart(time);
        FormingEnd = FormingStart + Timeframe.LengthMs;
        FormingOpen = FormingHigh = FormingLow = FormingClose = mid;
        FormingTicks = 1;
        HasForming = true;
        return closed;
    }

    public void Append(long start, double open, double high, double low, double close, int ticks)
    {
        if (Count == _starts.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _starts, size);
            Array.Resize(ref _open, size);
            Array.Resize(ref _high, size);
            Array.Resize(ref _low, size);
            Array.Resize(ref _close, size);
            Array.Resize(ref _ticks, size);
        }

        _starts[Count] = start;
        _open[Count] = open;
        _high[Count] = high;
        _low[Count] = low;
        _close[Count] = close;
        _ticks[Count] = ticks;
        Count++;
    }
}
