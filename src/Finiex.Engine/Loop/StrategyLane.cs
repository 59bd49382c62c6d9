using System.Diagnostics;
using System.Runtime.CompilerServices;
using Finiex.Engine.Profiling;
using Finiex.Engine.Trading;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Loop;

/// <summary>
/// A trading-API strategy's scenario in <see cref="StrategyTickLoop"/>: its account (step 1), its strategy reading the
/// shared bars and workers through its own context (step 4) and its requests (step 5). <see cref="SeriesOfContext"/>
/// maps the context's series (the strategy's own order) to the loop's.
/// </summary>
internal sealed class StrategyLane(TradingApiSimulator account, TradingStrategy strategy, TradingContext context, int[] seriesOfContext, LoopProfile? profile,
    Action<int> onBlock)
    : ScenarioLane(account, profile, onBlock)
{
    private int _stretchFrom;
    private bool _copiesClosed = true;

    public int[] SeriesOfContext => seriesOfContext;

    /// <summary>
    /// Called once by the loop with its per-series "closed a bar" flags: a context whose series are the loop's, in the
    /// same order (a loop of one lane), reads them directly instead of getting a copy at every tick.
    /// </summary>
    public void UseClosedFlags(bool[] loopFlags)
    {
        if (seriesOfContext.Length == loopFlags.Length && seriesOfContext.Select((loop, own) => loop == own).All(same => same))
        {
            context.ReadClosedFrom(loopFlags);
            _copiesClosed = false;
        }
    }

    /// <summary>Step 1 at tick <paramref name="index"/>, after cutting the equity curve when the tick starts a day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MarkTick(ReadOnlySpan<long> times, int index, double bid, double ask)
    {
        var time = times[index];
        if (time >= Curve.NextDay)
        {
            if (index > _stretchFrom)
            {
                AddStretch(times[index - 1]);
            }

            if (Curve.NextDay != long.MinValue)
            {
                Curve.EndDay(account.Equity);
            }

            Curve.StartDay(time);
            _stretchFrom = index;
        }

        account.OnTick(index, time, bid, ask);
    }

    /// <summary>Step 4: the strategy sees the tick, which of its series closed a bar, and its account.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Decide(int index, long time, double bid, double ask, ReadOnlySpan<bool> closed)
    {
        if (_copiesClosed)
        {
            for (var s = 0; s < seriesOfContext.Length; s++)
            {
                context.SetClosed(s, closed[seriesOfContext[s]]);
            }
        }

        context.SetTick(index, time, bid, ask);
        strategy.OnTick(context);
    }

    /// <summary>Closes the block's last stretch of the equity curve and runs step 6.</summary>
    public void EndBlock(ReadOnlySpan<long> times, int end)
    {
        AddStretch(times[end - 1]);
        _stretchFrom = end;
        var clock = Profile is null ? 0 : Stopwatch.GetTimestamp();
        EndBlock(end);
        Profile?.AddStep(LoopProfile.LiveUpdate, Stopwatch.GetTimestamp() - clock);
    }

    private void AddStretch(long lastTime)
    {
        var (low, high) = account.TakeRange();
        Curve.AddStretch(lastTime, low, high, account.Equity, account.Balance);
    }
}
