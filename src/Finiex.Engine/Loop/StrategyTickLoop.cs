using System.Diagnostics;
using System.Runtime.CompilerServices;
using Finiex.Contracts.Results;
using Finiex.Engine.Profiling;
using Finiex.Engine.Reporting;
using Finiex.Engine.Trading;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Trading;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Loop;

/// <summary>
/// The 6-step tick loop of SEMANTICS §9 for a strategy that trades through the trading API. Its step 4 reads the account
/// that step 1 of the same tick changed, so the steps run tick by tick: account (1), bars (2), closes committed to the
/// workers (3), workers and strategy (4), its requests (5); step 6 once per block of <see cref="TickLoop.BlockSize"/>
/// ticks. The account's step 1 does its full work only at ticks where something can happen. The equity curve is cut at
/// midnights and block ends exactly as <see cref="TickLoop"/> cuts it. With profiling on, the steps are timed on one tick
/// in <see cref="ProfileEvery"/> (a clock read costs more than a quiet tick) and counted for all of them.
/// </summary>
internal sealed class StrategyTickLoop(TradingApiSimulator account, BarSeries[] series, int[][] workersOfSeries, Worker[] workers, TradingStrategy strategy,
    TradingContext context, LoopProfile? profile) : IScenarioLoop
{
    public const int ProfileEvery = 32;

    private readonly EquityCurveRecorder _curve = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, Action<int> onBlock)
    {
        for (var blockStart = 0; blockStart < times.Length; blockStart += TickLoop.BlockSize)
        {
            var end = Math.Min(blockStart + TickLoop.BlockSize, times.Length);
            var stretchFrom = blockStart;
            for (var i = blockStart; i < end; i++)
            {
                var time = times[i];
                if (time >= _curve.NextDay)
                {
                    if (i > stretchFrom)
                    {
                        AddStretch(times[i - 1]);
                    }

                    if (_curve.NextDay != long.MinValue)
                    {
                        _curve.EndDay(account.Equity);
                    }

                    _curve.StartDay(time);
                    stretchFrom = i;
                }

                if (profile is null || i % ProfileEvery != 0)
                {
                    Tick(i, time, bids[i], asks[i]);
                }
                else
                {
                    ProfiledTick(i, time, bids[i], asks[i], profile);
                }
            }

            AddStretch(times[end - 1]);
            var clock = profile is null ? 0 : Stopwatch.GetTimestamp();
            onBlock(end);
            profile?.AddStep(LoopProfile.LiveUpdate, Stopwatch.GetTimestamp() - clock);
        }
    }

    public EquityCurve FinishCurve()
    {
        if (_curve.NextDay != long.MinValue)
        {
            _curve.EndDay(account.Equity);
        }

        return _curve.Build();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Tick(int index, long time, double bid, double ask)
    {
        account.OnTick(index, time, bid, ask);
        var mid = (bid + ask) / 2;
        RenderAndCommit(time, mid);
        UpdateWorkers(mid);
        context.SetTick(index, time, bid, ask);
        strategy.OnTick(context);
    }

    private void ProfiledTick(int index, long time, double bid, double ask, LoopProfile loopProfile)
    {
        var clock = Stopwatch.GetTimestamp();
        account.OnTick(index, time, bid, ask);
        clock = Lap(loopProfile, LoopProfile.TradeSimulator, clock);
        var mid = (bid + ask) / 2;
        RenderAndCommit(time, mid);
        clock = Lap(loopProfile, LoopProfile.BarRendering, clock);
        UpdateWorkers(mid);
        context.SetTick(index, time, bid, ask);
        strategy.OnTick(context);
        Lap(loopProfile, LoopProfile.WorkerDecision, clock);
    }

    /// <summary>Steps 2 and 3: each timeframe's forming bar, and a closed bar's close to the workers of its timeframe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RenderAndCommit(long time, double mid)
    {
        for (var s = 0; s < series.Length; s++)
        {
            var closed = series[s].OnTick(time, mid);
            context.SetClosed(s, closed);
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

    private void AddStretch(long lastTime)
    {
        var (low, high) = account.TakeRange();
        _curve.AddStretch(lastTime, low, high, account.Equity, account.Balance);
    }

    private static long Lap(LoopProfile loopProfile, int step, long since)
    {
        var now = Stopwatch.GetTimestamp();
        loopProfile.AddSampledStep(step, now - since);
        return now;
    }
}
