using System.Runtime.CompilerServices;
using Finiex.Sdk.Decisions;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Trading;

/// <summary>
/// Step 5: acts on a decision (SEMANTICS §5, last paragraph). Flat, or a pending order: nothing. No position: BUY
/// opens a long, SELL a short. A signal opposite to the position submits a close; a new entry waits until flat.
/// </summary>
public sealed class SignalExecutor(TradeSimulator simulator, double lots, double minFreeMargin)
{
    public void Act(Decision decision, int index, double mid)
    {
        if (!Submits(decision.Signal))
        {
            return;
        }

        var side = decision.Signal == Signal.Buy ? TradeSide.Long : TradeSide.Short;
        if (!simulator.HasPosition)
        {
            simulator.SubmitOpen(side, lots, minFreeMargin, index, mid);
        }
        else
        {
            simulator.SubmitClose(index);
        }
    }

    /// <summary>True when <see cref="Act"/> would submit an order for the signal (the rest of the time it does nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Submits(Signal signal) =>
        signal != Signal.Flat && !simulator.HasPendingOrder
        && (!simulator.HasPosition || simulator.PositionSide != (signal == Signal.Buy ? TradeSide.Long : TradeSide.Short));
}
