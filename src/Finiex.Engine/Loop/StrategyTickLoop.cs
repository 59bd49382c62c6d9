using System.Diagnostics;
using System.Runtime.CompilerServices;
using Finiex.Engine.Profiling;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Loop;

/// <summary>
/// The 6-step tick loop of SEMANTICS §9 for strategies that trade through the trading API. Step 4 reads the account
/// that step 1 of the same tick changed, so the steps run tick by tick: each lane's account (1), the bars (2), closes
/// committed to the workers (3), the workers and each lane's strategy (4) with its requests (5); step 6 once per block
/// of <see cref="TickLoop.BlockSize"/> ticks. The account's step 1 does its full work only at ticks where something can
/// happen. The equity curve is cut at midnights and block ends exactly as <see cref="TickLoop"/> cuts it.
/// <para>
/// Several scenarios over the same ticks share the bars and the workers (a fused sweep); a lane whose strategy or
/// account throws is dropped and the others go on. With profiling on, the steps are timed on one tick in
/// <see cref="ProfileEvery"/> (a clock read costs more than a quiet tick) and counted for all of them, a shared step's
/// time split evenly among the lanes.
/// </para>
/// </summary>
internal sealed class StrategyTickLoop(BarSeries[] series, int[][] workersOfSeries, Worker[] workers, StrategyLane[] lanes)
{
    public const int ProfileEvery = 32;

    private readonly bool[] _closed = new bool[series.Length];
    private readonly bool _profiling = lanes.Any(l => l.Profile is not null);
    // One lane runs unguarded: what it throws ends the loop, and so that lane alone, with no handler on the per-tick path.
    private readonly StrategyLane? _single = lanes.Length == 1 ? lanes[0] : null;
    private int _running = lanes.Length;

    public void Run(ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks)
    {
        foreach (var lane in lanes)
        {
            lane.UseClosedFlags(_closed);
        }

        RunBlocks(times, bids, asks);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunBlocks(ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks)
    {
        for (var blockStart = 0; blockStart < times.Length && _running > 0; blockStart += TickLoop.BlockSize)
        {
            var end = Math.Min(blockStart + TickLoop.BlockSize, times.Length);
            if (_single is { } single)
            {
                SingleLaneBlock(single, times, bids, asks, blockStart, end);
            }
            else
            {
                FusedBlock(times, bids, asks, blockStart, end);
            }

            foreach (var lane in lanes)
            {
                EndBlock(lane, times, end);
            }
        }
    }

    /// <summary>The ticks of a block for a loop of one lane: a tight loop of its own, the steps inlined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SingleLaneBlock(StrategyLane lane, ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (_profiling && i % ProfileEvery == 0)
            {
                ProfiledTick(times, i, bids[i], asks[i]);
                if (!lane.IsRunning)
                {
                    return; // its guarded steps failed it
                }
            }
            else
            {
                Tick(lane, times, i, bids[i], asks[i]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FusedBlock(ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, int from, int end)
    {
        for (var i = from; i < end && _running > 0; i++)
        {
            if (_profiling && i % ProfileEvery == 0)
            {
                ProfiledTick(times, i, bids[i], asks[i]);
            }
            else
            {
                Tick(times, i, bids[i], asks[i]);
            }
        }
    }

    /// <summary>Steps 1–5 of one tick for a loop of one lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Tick(StrategyLane lane, ReadOnlySpan<long> times, int index, double bid, double ask)
    {
        lane.MarkTick(times, index, bid, ask);
        var mid = (bid + ask) / 2;
        RenderAndCommit(times[index], mid);
        UpdateWorkers(mid);
        lane.Decide(index, times[index], bid, ask, _closed);
    }

    /// <summary>Steps 1–5 of one tick for several lanes, each lane's own steps guarded.</summary>
    private void Tick(ReadOnlySpan<long> times, int index, double bid, double ask)
    {
        for (var k = 0; k < lanes.Length; k++)
        {
            MarkTick(lanes[k], times, index, bid, ask);
        }

        var mid = (bid + ask) / 2;
        RenderAndCommit(times[index], mid);
        UpdateWorkers(mid);
        for (var k = 0; k < lanes.Length; k++)
        {
            Decide(lanes[k], index, times[index], bid, ask);
        }
    }

    private void ProfiledTick(ReadOnlySpan<long> times, int index, double bid, double ask)
    {
        var clock = Stopwatch.GetTimestamp();
        foreach (var lane in lanes)
        {
            MarkTick(lane, times, index, bid, ask);
            clock = Lap(lane, LoopProfile.TradeSimulator, clock);
        }

        var mid = (bid + ask) / 2;
        RenderAndCommit(times[index], mid);
        clock = Shared(LoopProfile.BarRendering, clock);
        UpdateWorkers(mid);
        clock = Shared(LoopProfile.WorkerDecision, clock);
        foreach (var lane in lanes)
        {
            Decide(lane, index, times[index], bid, ask);
            clock = Lap(lane, LoopProfile.WorkerDecision, clock);
        }
    }

    /// <summary>Step 1 of one lane; what it throws ends that lane only.</summary>
    private void MarkTick(StrategyLane lane, ReadOnlySpan<long> times, int index, double bid, double ask)
    {
        if (!lane.IsRunning)
        {
            return;
        }

        try
        {
            lane.MarkTick(times, index, bid, ask);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(lane, ex);
        }
    }

    /// <summary>Steps 4 and 5 of one lane; what it throws ends that lane only.</summary>
    private void Decide(StrategyLane lane, int index, long time, double bid, double ask)
    {
        if (!lane.IsRunning)
        {
            return;
        }

        try
        {
            lane.Decide(index, time, bid, ask, _closed);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(lane, ex);
        }
    }

    /// <summary>Steps 2 and 3: each timeframe's forming bar, and a closed bar's close to the workers of its timeframe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RenderAndCommit(long time, double mid)
    {
        for (var s = 0; s < series.Length; s++)
        {
            var closed = series[s].OnTick(time, mid);
            _closed[s] = closed;
            if (closed)
            {
                var close = series[s].Close[^1];
                foreach (var w in workersOfSeries[s])
                {
                    workers[w].CommitClose(close);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void UpdateWorkers(double mid)
    {
        foreach (var worker in workers)
        {
            worker.Update(mid);
        }
    }

    /// <summary>Step 6 of one lane; what it throws (a canceled scenario) ends that lane only.</summary>
    private void EndBlock(StrategyLane lane, ReadOnlySpan<long> times, int end)
    {
        if (!lane.IsRunning)
        {
            return;
        }

        try
        {
            lane.EndBlock(times, end);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(lane, ex);
        }
    }

    private void Fail(StrategyLane lane, Exception error)
    {
        lane.Fail(error);
        _running--;
    }

    private static long Lap(StrategyLane lane, int step, long since)
    {
        var now = Stopwatch.GetTimestamp();
        lane.Profile?.AddSampledStep(step, now - since);
        return now;
    }

    private long Shared(int step, long since)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var lane in lanes)
        {
            if (lane.IsRunning)
            {
                lane.Profile?.AddSampledStep(step, (now - since) / Math.Max(1, _running));
            }
        }

        return now;
    }
}
