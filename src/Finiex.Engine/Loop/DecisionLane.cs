using System.Diagnostics;
using System.Runtime.CompilerServices;
using Finiex.Core.Ticks;
using Finiex.Engine.Profiling;
using Finiex.Engine.Trading;
using Finiex.Sdk.Decisions;

namespace Finiex.Engine.Loop;

/// <summary>
/// A decision logic's scenario in <see cref="TickLoop"/>: the decisions it reads (step 4, possibly shared with lanes
/// whose logic is the same) and its account, steps 1 and 5 tick by tick. <see cref="Workers"/> are the loop's indices
/// of the workers it reads, in the order of its own worker list (the profile's order).
/// </summary>
internal sealed class DecisionLane(SharedDecision decision, TradeSimulator simulator, SignalExecutor executor, int[] workers, LoopProfile? profile,
    BarTraceRecorder? trace, Action<int> onBlock)
    : ScenarioLane(simulator, profile, onBlock)
{
    public SharedDecision Decision => decision;

    public int[] Workers => workers;

    public BarTraceRecorder? Trace => trace;

    /// <summary>
    /// Steps 1 and 5, tick by tick: the account marks each tick, then the tick's decision may submit an order. Stretches
    /// in which nothing happens go through the simulator's own tight loop. The block is cut at each midnight, so that the
    /// equity curve gets each day's last equity (SEMANTICS §8b) and a point per stretch, without any work per tick.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void MarkAndExecute(int blockStart, ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, ReadOnlySpan<double> mids)
    {
        var clock = Clock();
        ReadOnlySpan<Decision> decisions = decision.Decisions(times.Length);
        var executing = 0L;
        for (var from = 0; from < times.Length;)
        {
            if (times[from] >= Curve.NextDay)
            {
                if (Curve.NextDay != long.MinValue)
                {
                    Curve.EndDay(simulator.Equity);
                }

                Curve.StartDay(times[from]);
            }

            var to = times[^1] < Curve.NextDay ? times.Length : from + TickTimes.LowerBound(times[from..], Curve.NextDay);
            executing += AccountStretch(blockStart, from, times[..to], bids[..to], asks[..to], mids, decisions[..to]);
            var (low, high) = simulator.TakeRange();
            Curve.AddStretch(times[to - 1], low, high, simulator.Equity, simulator.Balance);
            from = to;
        }

        simulator.Counted(times.Length, times[^1], bids[^1], asks[^1]);
        if (Profile is not null)
        {
            Profile.AddStep(LoopProfile.TradeSimulator, Stopwatch.GetTimestamp() - clock - executing);
        }
    }

    /// <summary>The ticks from <paramref name="from"/> to the end of the spans; returns the profiled time spent executing orders.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long AccountStretch(int blockStart, int from, ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, ReadOnlySpan<double> mids,
        ReadOnlySpan<Decision> decisions)
    {
        var account = simulator;
        var orders = executor;
        var executing = 0L;
        for (var i = from; i < times.Length; i++)
        {
            i = account.MarkQuiet(i, times, bids, asks, decisions);
            if (i == times.Length)
            {
                break;
            }

            account.Mark(blockStart + i, times[i], bids[i], asks[i]);
            var tickDecision = decisions[i];
            if (orders.Submits(tickDecision.Signal))
            {
                var before = Clock();
                orders.Act(tickDecision, blockStart + i, mids[i]);
                if (Profile is not null)
                {
                    var elapsed = Stopwatch.GetTimestamp() - before;
                    Profile.AddStep(LoopProfile.OrderExecution, elapsed);
                    executing += elapsed;
                }
            }
        }

        return executing;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Clock() => Profile is null ? 0 : Stopwatch.GetTimestamp();
}
