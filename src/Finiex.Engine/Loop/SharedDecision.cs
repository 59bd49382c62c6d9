using Finiex.Sdk.Decisions;

namespace Finiex.Engine.Loop;

/// <summary>
/// A decision logic of <see cref="TickLoop"/> and its decisions for the current block, read by every lane built with
/// the same logic, parameters and workers. A logic reads only the ticks and its workers (SEMANTICS §9: steps 2–4 never
/// read the account), so scenarios that differ only in their account (latency seed, stops, costs) get the same
/// decisions: it runs once for all of them.
/// </summary>
internal sealed class SharedDecision(DecisionLogic logic)
{
    private readonly Decision[] _decisions = new Decision[TickLoop.BlockSize];

    public DecisionLogic Logic => logic;

    /// <summary>The block's decisions, written by step 4 and read by each reader's step 5.</summary>
    public Span<Decision> Decisions(int length) => _decisions.AsSpan(0, length);
}
