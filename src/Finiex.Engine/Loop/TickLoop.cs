using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Finiex.Engine.Profiling;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Loop;

/// <summary>
/// The 6-step tick loop of SEMANTICS §9 for decision logics, run a block of <see cref="BlockSize"/> ticks at a time,
/// each step over the whole block: bars (2), then each worker over the block with its timeframe's closes committed
/// where they fall (3–4), each lane's decision at every tick (4), then each lane's account tick by tick — fills, stops,
/// equity (1) and the decision's orders (5) — and step 6 once per block. Steps 2–4 read nothing that steps 1 and 5
/// write (the ticks and the bars only), so every tick's values, orders and fills are those of the steps run tick by
/// tick, while each step is one tight loop: a call per block instead of per tick, and the built-in workers' arithmetic
/// vectorised. A decision logic that does not decide whole blocks (a plug-in one) gets its workers and
/// <see cref="Sdk.Decisions.DecisionLogic.Decide"/> tick by tick.
/// <para>
/// The loop runs one scenario, or several over the same ticks (a fused sweep): the bars of a timeframe are rendered
/// once, each distinct worker is computed once per block, its columns read by every lane that uses it, and each
/// distinct decision logic decides once for the lanes that share it (<see cref="SharedDecision"/>); only the accounts
/// run per lane. A lane that fails is dropped; the others go on. With profiling on, every step of every block is timed,
/// a shared step's time split evenly among the lanes it served.
/// </para>
/// </summary>
internal sealed class TickLoop
{
    public const int BlockSize = 1024;

    private readonly BarSeries[] _series;
    private readonly int[][] _workersOfSeries;
    private readonly int[] _seriesOfWorker;
    private readonly Worker[] _workers;
    private readonly DecisionLane[] _lanes;
    private readonly bool _profiling;
    private readonly bool _tickByTick;
    private readonly bool _anyBlockLane;
    private readonly double[] _mids = new double[BlockSize];
    // Per series, for the current block: where bars closed (offsets in the block) and how many bars it held before.
    private readonly int[][] _closedAt;
    private readonly int[] _closeCounts;
    private readonly int[] _barsBefore;
    // Per worker: the lanes that read it (a failing worker fails them; its time goes to their profiles).
    private readonly List<(DecisionLane Lane, int Local)>[] _readersOfWorker;
    private readonly bool[] _workerFailed;
    // Each distinct decision logic once, with the lanes that read its decisions.
    private readonly SharedDecision[] _decisions;
    private readonly DecisionLane[][] _readersOfDecision;

    public TickLoop(BarSeries[] series, int[][] workersOfSeries, Worker[] workers, DecisionLane[] lanes)
    {
        _series = series;
        _workersOfSeries = workersOfSeries;
        _workers = workers;
        _lanes = lanes;
        _profiling = lanes.Any(l => l.Profile is not null);
        _decisions = [.. lanes.Select(l => l.Decision).Distinct()];
        _readersOfDecision = [.. _decisions.Select(d => lanes.Where(l => l.Decision == d).ToArray())];
        _tickByTick = _decisions.Any(d => !d.Logic.DecidesBlocks);
        _anyBlockLane = _decisions.Any(d => d.Logic.DecidesBlocks);
        _closedAt = [.. series.Select(_ => new int[BlockSize])];
        _closeCounts = new int[series.Length];
        _barsBefore = new int[series.Length];
        _seriesOfWorker = new int[workers.Length];
        for (var s = 0; s < workersOfSeries.Length; s++)
        {
            foreach (var w in workersOfSeries[s])
            {
                _seriesOfWorker[w] = s;
            }
        }

        _readersOfWorker = [.. workers.Select(_ => new List<(DecisionLane, int)>())];
        foreach (var lane in lanes)
        {
            for (var local = 0; local < lane.Workers.Length; local++)
            {
                _readersOfWorker[lane.Workers[local]].Add((lane, local));
            }
        }

        _workerFailed = new bool[workers.Length];
        foreach (var worker in workers)
        {
            worker.Block = new WorkerBlock(worker.OutputNames.Count, BlockSize);
        }
    }

    /// <summary>Runs every tick through every lane still running; each lane's step 6 follows each block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks)
    {
        for (var blockStart = 0; blockStart < times.Length && AnyRunning(); blockStart += BlockSize)
        {
            var length = Math.Min(BlockSize, times.Length - blockStart);
            var blockTimes = times.Slice(blockStart, length);
            var blockBids = bids.Slice(blockStart, length);
            var blockAsks = asks.Slice(blockStart, length);
            var mids = _mids.AsSpan(0, length);
            var clock = Clock();

            Mids(blockBids, blockAsks, mids);
            for (var s = 0; s < _series.Length; s++)
            {
                _barsBefore[s] = _series[s].Count;
                _closeCounts[s] = _series[s].OnTicks(blockTimes, mids, _closedAt[s]);
            }

            clock = Shared(LoopProfile.BarRendering, clock);
            if (_tickByTick)
            {
                TickByTick(mids);
                clock = Shared(LoopProfile.WorkerDecision, clock);
            }
            else
            {
                WorkersByBlock(mids);
            }

            DecideBlocks(mids);
            foreach (var lane in _lanes)
            {
                if (lane.IsRunning)
                {
                    RunLane(lane, blockStart, blockTimes, blockBids, blockAsks, mids);
                }
            }
        }
    }

    /// <summary>Steps 1, 5 and 6 of one lane; what it throws ends that lane only.</summary>
    private void RunLane(DecisionLane lane, int blockStart, ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, ReadOnlySpan<double> mids)
    {
        try
        {
            if (lane.Trace is { } trace && lane.Decision.Logic.DecidesBlocks)
            {
                trace.OnBlockCloses(_closedAt, _closeCounts);
                trace.OnBlockEnd();
            }

            lane.MarkAndExecute(blockStart, times, bids, asks, mids);
            var clock = lane.Profile is null ? 0 : Stopwatch.GetTimestamp();
            lane.EndBlock(blockStart + times.Length);
            lane.Profile?.AddStep(LoopProfile.LiveUpdate, Stopwatch.GetTimestamp() - clock);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            lane.Fail(ex);
        }
    }

    /// <summary>Step 4 for the logics that decide whole blocks, each once for all its readers; one that throws ends them.</summary>
    private void DecideBlocks(ReadOnlySpan<double> mids)
    {
        for (var d = 0; d < _decisions.Length; d++)
        {
            var decision = _decisions[d];
            if (!decision.Logic.DecidesBlocks || !AnyRunning(_readersOfDecision[d]))
            {
                continue;
            }

            var clock = Clock();
            try
            {
                decision.Logic.DecideBlock(mids, decision.Decisions(mids.Length));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                FailAll(_readersOfDecision[d], ex);
            }

            if (_profiling)
            {
                var readers = _readersOfDecision[d];
                var elapsed = (Stopwatch.GetTimestamp() - clock) / Math.Max(1, RunningCount(readers));
                foreach (var lane in readers)
                {
                    if (lane.IsRunning)
                    {
                        lane.Profile?.AddDecision(elapsed);
                    }
                }
            }
        }
    }

    /// <summary>Steps 3–4 for the block, worker by worker: runs between its timeframe's closes, each close committed (step 3) before the run after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WorkersByBlock(ReadOnlySpan<double> mids)
    {
        for (var w = 0; w < _workers.Length; w++)
        {
            if (_workerFailed[w])
            {
                continue;
            }

            var clock = Clock();
            try
            {
                UpdateBlock(w, mids);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                FailWorker(w, ex);
            }

            if (_profiling)
            {
                AddWorkerTime(w, Stopwatch.GetTimestamp() - clock);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateBlock(int w, ReadOnlySpan<double> mids)
    {
        var worker = _workers[w];
        var block = worker.Block!;
        var s = _seriesOfWorker[w];
        var closes = _closedAt[s].AsSpan(0, _closeCounts[s]);
        block.ReadyFrom = 0;
        var from = 0;
        for (var k = 0; k < closes.Length; k++)
        {
            var at = closes[k];
            UpdateRun(worker, block, mids, from, at);
            worker.CommitClose(_series[s].Close[_barsBefore[s] + k]);
            from = at;
        }

        UpdateRun(worker, block, mids, from, mids.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UpdateRun(Worker worker, WorkerBlock block, ReadOnlySpan<double> mids, int from, int to)
    {
        if (to > from)
        {
            worker.UpdateRange(mids[from..to], block.Slice(from, to - from));
            if (!worker.IsReady)
            {
                block.ReadyFrom = to;
            }
        }
    }

    /// <summary>
    /// Steps 3–4 tick by tick, for decision logics that read their workers' current values. When lanes that decide
    /// blocks share the loop, each worker runs one tick at a time through its block columns, which it fills as it goes.
    /// </summary>
    private void TickByTick(ReadOnlySpan<double> mids)
    {
        Span<int> nextClose = stackalloc int[_series.Length];
        nextClose.Clear();
        foreach (var worker in _workers)
        {
            worker.Block!.ReadyFrom = 0;
        }

        for (var i = 0; i < mids.Length; i++)
        {
            for (var s = 0; s < _series.Length; s++)
            {
                var k = nextClose[s];
                if (k < _closeCounts[s] && _closedAt[s][k] == i)
                {
                    foreach (var lane in _lanes)
                    {
                        if (!lane.Decision.Logic.DecidesBlocks)
                        {
                            lane.Trace?.OnBarClosed(s);
                        }
                    }

                    var close = _series[s].Close[_barsBefore[s] + k];
                    foreach (var w in _workersOfSeries[s])
                    {
                        CommitClose(w, close);
                    }

                    nextClose[s] = k + 1;
                }
            }

            for (var w = 0; w < _workers.Length; w++)
            {
                UpdateTick(w, mids, i);
            }

            for (var d = 0; d < _decisions.Length; d++)
            {
                if (!_decisions[d].Logic.DecidesBlocks && AnyRunning(_readersOfDecision[d]))
                {
                    DecideTick(d, mids, i);
                }
            }
        }
    }

    private void CommitClose(int w, double close)
    {
        if (_workerFailed[w])
        {
            return;
        }

        try
        {
            _workers[w].CommitClose(close);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            FailWorker(w, ex);
        }
    }

    private void UpdateTick(int w, ReadOnlySpan<double> mids, int i)
    {
        if (_workerFailed[w])
        {
            return;
        }

        try
        {
            var worker = _workers[w];
            if (_anyBlockLane)
            {
                UpdateRun(worker, worker.Block!, mids, i, i + 1);
            }
            else
            {
                worker.Update(mids[i]);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            FailWorker(w, ex);
        }
    }

    private void DecideTick(int d, ReadOnlySpan<double> mids, int i)
    {
        var decision = _decisions[d];
        try
        {
            decision.Decisions(mids.Length)[i] = decision.Logic.Decide(mids[i]);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            FailAll(_readersOfDecision[d], ex);
        }
    }

    private static void FailAll(DecisionLane[] lanes, Exception error)
    {
        foreach (var lane in lanes)
        {
            lane.Fail(error);
        }
    }

    private static int RunningCount(DecisionLane[] lanes)
    {
        var running = 0;
        foreach (var lane in lanes)
        {
            running += lane.IsRunning ? 1 : 0;
        }

        return running;
    }

    /// <summary>A worker that throws fails every lane that reads it and is not run again.</summary>
    private void FailWorker(int w, Exception error)
    {
        _workerFailed[w] = true;
        foreach (var (lane, _) in _readersOfWorker[w])
        {
            lane.Fail(error);
        }
    }

    private bool AnyRunning() => AnyRunning(_lanes);

    private static bool AnyRunning(DecisionLane[] lanes)
    {
        foreach (var lane in lanes)
        {
            if (lane.IsRunning)
            {
                return true;
            }
        }

        return false;
    }

    private void AddWorkerTime(int w, long elapsed)
    {
        var readers = _readersOfWorker[w];
        var running = 0;
        foreach (var (lane, _) in readers)
        {
            running += lane.IsRunning ? 1 : 0;
        }

        foreach (var (lane, local) in readers)
        {
            if (lane.IsRunning)
            {
                lane.Profile?.AddWorker(local, elapsed / running);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Clock() => _profiling ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Adds a shared step's time since <paramref name="since"/> to the profile of every running lane, split evenly.</summary>
    private long Shared(int step, long since)
    {
        if (!_profiling)
        {
            return 0;
        }

        var now = Stopwatch.GetTimestamp();
        var running = RunningCount(_lanes);
        foreach (var lane in _lanes)
        {
            if (lane.IsRunning)
            {
                lane.Profile?.AddStep(step, (now - since) / Math.Max(1, running));
            }
        }

        return now;
    }

    /// <summary><c>(bid + ask) / 2</c> for every tick of the block.</summary>
    private static void Mids(ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, Span<double> mids)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var bid = ref MemoryMarshal.GetReference(bids);
            ref var ask = ref MemoryMarshal.GetReference(asks);
            ref var mid = ref MemoryMarshal.GetReference(mids);
            var two = Vector256.Create(2.0);
            for (; i <= mids.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                ((Vector256.LoadUnsafe(ref bid, (nuint)i) + Vector256.LoadUnsafe(ref ask, (nuint)i)) / two).StoreUnsafe(ref mid, (nuint)i);
            }
        }

        for (; i < mids.Length; i++)
        {
            mids[i] = (bids[i] + asks[i]) / 2;
        }
    }
}
