using System.Runtime.CompilerServices;
using Finiex.Sdk.Decisions;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Decisions;

/// <summary>
/// A decision logic that reads one oscillator (such as RSI) and where the mid sits in one band (SEMANTICS §4 band
/// position): FLAT until both are ready, then its rule. The rule is a struct type argument, so the block loop calls it
/// without a virtual call: the JIT compiles one loop per rule with the rule inlined.
/// </summary>
public abstract class OscillatorBandLogic<TRule>(OscillatorWorker oscillator, BandWorker band, TRule rule) : DecisionLogic
    where TRule : struct, IOscillatorBandRule
{
    public sealed override Decision Decide(double mid) =>
        oscillator.IsReady && band.IsReady ? rule.Decide(oscillator.Value, BandPosition.Of(mid, band.Lower, band.Upper)) : Decision.Flat;

    public sealed override bool DecidesBlocks => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public sealed override void DecideBlock(ReadOnlySpan<double> mids, Span<Decision> decisions)
    {
        var (values, bands) = (oscillator.Block!, band.Block!);
        var ready = Math.Min(mids.Length, Math.Max(values.ReadyFrom, bands.ReadyFrom));
        decisions[..ready].Fill(Decision.Flat);
        var oscillatorValues = values.Values(0, mids.Length);
        var lowers = bands.Values(0, mids.Length);
        var uppers = bands.Values(2, mids.Length);
        var localRule = rule;
        for (var i = ready; i < mids.Length; i++)
        {
            decisions[i] = localRule.Decide(oscillatorValues[i], BandPosition.Of(mids[i], lowers[i], uppers[i]));
        }
    }
}
