using Finiex.Contracts.Results;

namespace Finiex.Engine.Loop;

/// <summary>A scenario's tick loop: the decision logics' block loop or the trading API's tick-by-tick loop.</summary>
internal interface IScenarioLoop
{
    /// <summary>Runs every tick; <paramref name="onBlock"/> is step 6, called with the ticks done so far after each block.</summary>
    void Run(ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks, Action<int> onBlock);

    /// <summary>The equity curve so far, its last day ended at the current equity: call after the last tick, before the end-of-data close.</summary>
    EquityCurve FinishCurve();
}
