using Finiex.Engine.Workers;
using System.Runtime.CompilerServices;

namespace Finiex.Engine.Decisions;

/// <summary>AND logic (SEMANTICS §5): RSI and band position must agree.</summary>
public sealed class SimpleConsensus(OscillatorWorker rsi, BandWorker band, double rsiLow, double rsiHigh,
    double bandLow, double bandHigh, double minConfidence) : DecisionLogic
{
    public override string Name => "simple_consensus";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Decision Decide(double mid)
    {
        if (!rsi.IsReady || !band.IsReady)
        {
            return Decision.Flat;
        }

        var value = rsi.Value;
        var position = BandPosition.Of(mid, band.Lower, band.Upper);
        Signal signal;
        double strengthRsi, strengthBand;
        if (value <= rsiLow && position <= bandLow)
        {
            signal = Signal.Buy;
            strengthRsi = (rsiLow - value) / rsiLow;
            strengthBand = (bandLow - position) / bandLow;
        }
        else if (value >= rsiHigh && position >= bandHigh)
        {
            signal = Signal.Sell;
            strengthRsi = (value - rsiHigh) / (100 - rsiHigh);
            strengthBand = (position - bandHigh) / (1 - bandHigh);
        }
        else
        {
            return Decision.Flat;
        }

        var confidence = Math.Clamp(0.5 + (0.5 * (strengthRsi + strengthBand) / 2), 0.5, 1);
        return confidence < minConfidence ? Decision.Flat : new Decision(signal, confidence);
    }
}
