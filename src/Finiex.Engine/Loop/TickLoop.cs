using System.Diagnostics;
using System.Runtime.CompilerServices;
using Finiex.Engine.Bars;
using Finiex.Engine.Decisions;
using Finiex.Engine.Profiling;
using Finiex.Engine.Trading;
using Finiex.Engine.Workers;

namespace Finiex.Engine.Loop;

/// <summary>
/// The 6-step tick loop of SEMANTICS §9. Ticks run in blocks of <see cref="LoopProfile.SampleEvery"/>: with profiling
/// on, the first tick of a block runs through a timed copy of the steps; the rest, and every tick with profiling off,
/// run the untimed path. Step 6 (live update, cancellation) runs once per block and is throttled by the clock.
/// </summary>
internal sealed class TickLoop
{
    private readonly TradeSimulator _simulator;
    private readonly BarSeries[] _series;
    private readonly int[][] _workersOfSeries;
    private readonly Worker[] _workers;
    private readonly DecisionLogic _decision;
    private readonly SignalExecutor _executor;
    private readonly LoopProfile? _profile;
    private readonly BarTraceRecorder? _trace;
    private readonly long[] _stamps = new long[7];

    public TickLoop(TradeSimulator simulator, BarSeries[] series, int[][] workersOfSeries, Worker[] workers, DecisionLogic decision,
        SignalExecutor executor, LoopProfile? profile, BarTraceRecorder? trace)
    {
        _simulator = simulator;
        _series = series;
        _workersOfSeries = workersOfSeries;
        _workers = workers;
        _decision = decision;
        _executor = executor;
        _profile = profile;
        _trace = trace;
    }

    /// <summary>Runs every tick; <paramref name="onBlock"/> is step 6, called with the ticks done so far after each block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, Action<int> onBlock)
    {
        var count = times.Length;
        for (var blockStart = 0; blockStart < count; blockStart += LoopProfile.SampleEvery)
        {
            var blockEnd = Math.Min(count, blockStart + LoopProfile.SampleEvery);
            var i = blockStart;
            if (_profile is not null)
            {
                TimedTick(i, times[i], bids[i], asks[i], onBlock);
                i++;
            }

            for (; i < blockEnd; i++)
            {
                Tick(i, times[i], bids[i], asks[i]);
            }

            if (_profile is null)
            {
                onBlock(blockEnd);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Tick(int index, long time, double bid, double ask)
    {
        var mid = (bid + ask) / 2;
        _simulator.OnTick(index, time, bid, ask);
        for (var s = 0; s < _series.Length; s++)
        {
            var series = _series[s];
            if (series.OnTick(time, mid))
            {
                CommitClosedBar(s, series);
            }
        }

        var workers = _workers;
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w].Update(mid);
        }

        _executor.Act(_decision.Decide(mid), index, mid);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TimedTick(int index, long time, double bid, double ask, Action<int> onBlock)
    {
        var stamps = _stamps;
        var mid = (bid + ask) / 2;
        stamps[0] = Stopwatch.GetTimestamp();
        _simulator.OnTick(index, time, bid, ask);
        stamps[1] = Stopwatch.GetTimestamp();

        var closedMask = 0UL;
        for (var s = 0; s < _series.Length; s++)
        {
            if (_series[s].OnTick(time, mid))
            {
                closedMask |= 1UL << s;
            }
        }

        stamps[2] = Stopwatch.GetTimestamp();
        for (var s = 0; s < _series.Length; s++)
        {
            if ((closedMask & (1UL << s)) != 0)
            {
                CommitClosedBar(s, _series[s]);
            }
        }

        stamps[3] = Stopwatch.GetTimestamp();
        var before = stamps[3];
        for (var w = 0; w < _workers.Length; w++)
        {
            _workers[w].Update(mid);
            var after = Stopwatch.GetTimestamp();
            _profile!.AddWorker(w, after - before);
            before = after;
        }

        var decision = _decision.Decide(mid);
        var decided = Stopwatch.GetTimestamp();
        _profile!.AddDecision(decided - before);
        stamps[4] = decided;
        _executor.Act(decision, index, mid);
        stamps[5] = Stopwatch.GetTimestamp();
        onBlock(index + 1); // step 6 runs once per block; with profiling on, on the timed tick

        stamps[6] = Stopwatch.GetTimestamp();
        _profile.AddSample(stamps);
    }

    /// <summary>Step 3: a bar that closed becomes history; its close is committed to the workers of its timeframe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CommitClosedBar(int seriesIndex, BarSeries series)
    {
        _trace?.OnBarClosed(seriesIndex);
        var close = series.Close[series.Count - 1];
        foreach (var w in _workersOfSeries[seriesIndex])
        {
            _workers[w].CommitClose(close);
        }
    }
}
