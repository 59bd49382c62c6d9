using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Finiex.Contracts.Results;
using Finiex.Core.Ticks;
using Finiex.Engine.Profiling;
using Finiex.Engine.Reporting;
using Finiex.Engine.Trading;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Decisions;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Loop;

/// <summary>
/// The 6-step tick loop of SEMANTICS §9, run a block of <see cref="BlockSize"/> ticks at a time, each step over the
/// whole block: bars (2), then each worker over the block with its timeframe's closes committed where they fall (3–4),
/// the decision at every tick (4), then the account tick by tick — fills, stops, equity (1) and the decision's orders
/// (5) — and step 6 once per block. Steps 2–4 read nothing that steps 1 and 5 write (the ticks and the bars only), so
/// every tick's values, orders and fills are those of the steps run tick by tick, while each step is one tight loop:
/// a call per block instead of per tick, and the built-in workers' arithmetic vectorised. A decision logic that does
/// not decide whole blocks (a plug-in one) gets its workers and <see cref="DecisionLogic.Decide"/> tick by tick.
/// With profiling on, every step of every block is timed.
/// </summary>
internal sealed class TickLoop : IScenarioLoop
{
    public const int BlockSize = 1024;

    private readonly TradeSimulator _simulator;
    private readonly BarSeries[] _series;
    private readonly int[][] _workersOfSeries;
    private readonly int[] _seriesOfWorker;
    private readonly Worker[] _workers;
    private readonly DecisionLogic _decision;
    private readonly SignalExecutor _executor;
    private readonly LoopProfile? _profile;
    private readonly BarTraceRecorder? _trace;
    private readonly EquityCurveRecorder _curve = new();
    private readonly double[] _mids = new double[BlockSize];
    private readonly Decision[] _decisions = new Decision[BlockSize];
    // Per series, for the current block: where bars closed (offsets in the block) and how many bars it held before.
    private readonly int[][] _closedAt;
    private readonly int[] _closeCounts;
    private readonly int[] _barsBefore;

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

        foreach (var worker in workers)
        {
            worker.Block = new WorkerBlock(worker.OutputNames.Count, BlockSize);
        }
    }

    /// <summary>Runs every tick; <paramref name="onBlock"/> is step 6, called with the ticks done so far after each block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, Action<int> onBlock)
    {
        for (var blockStart = 0; blockStart < times.Length; blockStart += BlockSize)
        {
            var length = Math.Min(BlockSize, times.Length - blockStart);
            var blockTimes = times.Slice(blockStart, length);
            var blockBids = bids.Slice(blockStart, length);
            var blockAsks = asks.Slice(blockStart, length);
            var mids = _mids.AsSpan(0, length);
            var decisions = _decisions.AsSpan(0, length);
            var clock = Clock();

            Mids(blockBids, blockAsks, mids);
            for (var s = 0; s < _series.Length; s++)
            {
                _barsBefore[s] = _series[s].Count;
                _closeCounts[s] = _series[s].OnTicks(blockTimes, mids, _closedAt[s]);
            }

            clock = Lap(LoopProfile.BarRendering, clock);
            if (_decision.DecidesBlocks)
            {
                clock = WorkersByBlock(mids, clock);
                _trace?.OnBlockCloses(_closedAt, _closeCounts);
                _trace?.OnBlockEnd();
                _decision.DecideBlock(mids, decisions);
                if (_profile is not null)
                {
                    var now = Stopwatch.GetTimestamp();
                    _profile.AddDecision(now - clock);
                    clock = now;
                }
            }
            else
            {
                TickByTick(mids, decisions);
                clock = Lap(LoopProfile.WorkerDecision, clock);
            }

            clock = Account(blockStart, blockTimes, blockBids, blockAsks, mids, decisions, clock);
            onBlock(blockStart + length);
            Lap(LoopProfile.LiveUpdate, clock);
        }
    }

    /// <summary>Steps 3–4 for the block, worker by worker: runs between its timeframe's closes, each close committed (step 3) before the run after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long WorkersByBlock(ReadOnlySpan<double> mids, long clock)
    {
        for (var w = 0; w < _workers.Length; w++)
        {
            var worker = _workers[w];
            var block = worker.Block!;
            var s = _seriesOfWorker[w];
            var closes = _closedAt[s].AsSpan(0, _closeCounts[s]);
            var committing = 0L;
            block.ReadyFrom = 0;
            var from = 0;
            for (var k = 0; k < closes.Length; k++)
            {
                var at = closes[k];
                UpdateRun(worker, block, mids, from, at);
                var before = Clock();
                worker.CommitClose(_series[s].Close[_barsBefore[s] + k]);
                if (_profile is not null)
                {
                    var elapsed = Stopwatch.GetTimestamp() - before;
                    _profile.AddStep(LoopProfile.BarHistory, elapsed);
                    committing += elapsed;
                }

                from = at;
            }

            UpdateRun(worker, block, mids, from, mids.Length);
            if (_profile is not null)
            {
                var now = Stopwatch.GetTimestamp();
                _profile.AddWorker(w, now - clock - committing);
                clock = now;
            }
        }

        return clock;
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

    /// <summary>Steps 3–4 tick by tick, for a decision logic that reads its workers' current values.</summary>
    private void TickByTick(ReadOnlySpan<double> mids, Span<Decision> decisions)
    {
        Span<int> nextClose = stackalloc int[_series.Length];
        nextClose.Clear();
        for (var i = 0; i < mids.Length; i++)
        {
            for (var s = 0; s < _series.Length; s++)
            {
                var k = nextClose[s];
                if (k < _closeCounts[s] && _closedAt[s][k] == i)
                {
                    _trace?.OnBarClosed(s);
                    var close = _series[s].Close[_barsBefore[s] + k];
                    foreach (var w in _workersOfSeries[s])
                    {
                        _workers[w].CommitClose(close);
                    }

                    nextClose[s] = k + 1;
                }
            }

            foreach (var worker in _workers)
            {
                worker.Update(mids[i]);
            }

            decisions[i] = _decision.Decide(mids[i]);
        }
    }

    /// <summary>
    /// Steps 1 and 5, tick by tick: the account marks each tick, then the tick's decision may submit an order. Stretches
    /// in which nothing happens go through the simulator's own tight loop. The block is cut at each midnight, so that the
    /// equity curve gets each day's last equity (SEMANTICS §8b) and a point per stretch, without any work per tick.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Account(int blockStart, ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, ReadOnlySpan<double> mids,
        ReadOnlySpan<Decision> decisions, long clock)
    {
        var executing = 0L;
        for (var from = 0; from < times.Length;)
        {
            if (times[from] >= _curve.NextDay)
            {
                if (_curve.NextDay != long.MinValue)
                {
                    _curve.EndDay(_simulator.Equity);
                }

                _curve.StartDay(times[from]);
            }

            var to = times[^1] < _curve.NextDay ? times.Length : from + TickTimes.LowerBound(times[from..], _curve.NextDay);
            executing += AccountStretch(blockStart, from, times[..to], bids[..to], asks[..to], mids, decisions[..to]);
            var (low, high) = _simulator.TakeRange();
            _curve.AddStretch(times[to - 1], low, high, _simulator.Equity, _simulator.Balance);
            from = to;
        }

        _simulator.Counted(times.Length, times[^1], bids[^1], asks[^1]);
        if (_profile is null)
        {
            return clock;
        }

        var now = Stopwatch.GetTimestamp();
        _profile.AddStep(LoopProfile.TradeSimulator, now - clock - executing);
        return now;
    }

    /// <summary>The ticks from <paramref name="from"/> to the end of the spans; returns the profiled time spent executing orders.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long AccountStretch(int blockStart, int from, ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, ReadOnlySpan<double> mids,
        ReadOnlySpan<Decision> decisions)
    {
        var simulator = _simulator;
        var executor = _executor;
        var executing = 0L;
        for (var i = from; i < times.Length; i++)
        {
            i = simulator.MarkQuiet(i, times, bids, asks, decisions);
            if (i == times.Length)
            {
                break;
            }

            simulator.Mark(blockStart + i, times[i], bids[i], asks[i]);
            var decision = decisions[i];
            if (executor.Submits(decision.Signal))
            {
                var before = Clock();
                executor.Act(decision, blockStart + i, mids[i]);
                if (_profile is not null)
                {
                    var elapsed = Stopwatch.GetTimestamp() - before;
                    _profile.AddStep(LoopProfile.OrderExecution, elapsed);
                    executing += elapsed;
                }
            }
        }

        return executing;
    }

    /// <summary>The equity curve so far, its last day ended at the current equity: call after the last tick, before the end-of-data close.</summary>
    public EquityCurve FinishCurve()
    {
        if (_curve.NextDay != long.MinValue)
        {
            _curve.EndDay(_simulator.Equity);
        }

        return _curve.Build();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Clock() => _profile is null ? 0 : Stopwatch.GetTimestamp();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Lap(int step, long since)
    {
        if (_profile is null)
        {
            return 0;
        }

        var now = Stopwatch.GetTimestamp();
        _profile.AddStep(step, now - since);
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
