using Finiex.Contracts.Results;
using Finiex.Engine.Profiling;
using Finiex.Engine.Reporting;
using Finiex.Engine.Trading;

namespace Finiex.Engine.Loop;

/// <summary>
/// One scenario's own part of a tick loop that may run several scenarios over the same ticks (a fused sweep): its
/// account, its equity curve, its profile and its step 6. The bars and the workers are the loop's, shared by every lane
/// that reads them. A lane whose code throws (or whose step 6 throws because it was canceled) fails alone: the loop
/// drops it and goes on with the others.
/// </summary>
internal abstract class ScenarioLane(ISimulatedAccount account, LoopProfile? profile, Action<int> onBlock)
{
    protected EquityCurveRecorder Curve { get; } = new();

    public ISimulatedAccount Account => account;

    public LoopProfile? Profile => profile;

    /// <summary>Why the lane stopped before the end of the data; null while it runs and when it finished.</summary>
    public Exception? Failure { get; private set; }

    public bool IsRunning => Failure is null;

    /// <summary>Step 6: called with the ticks done so far after each block; throws to stop the scenario (cancellation).</summary>
    public void EndBlock(int ticksDone) => onBlock(ticksDone);

    /// <summary>Called once, on the loop's thread, when the lane fails: its result can be written while the others go on.</summary>
    public Action<ScenarioLane>? OnFailure { get; set; }

    public void Fail(Exception error)
    {
        if (Failure is null)
        {
            Failure = error;
            OnFailure?.Invoke(this);
        }
    }

    /// <summary>The equity curve so far, its last day ended at the current equity: call after the last tick, before the end-of-data close.</summary>
    public EquityCurve FinishCurve()
    {
        if (Curve.NextDay != long.MinValue)
        {
            Curve.EndDay(account.Equity);
        }

        return Curve.Build();
    }
}
