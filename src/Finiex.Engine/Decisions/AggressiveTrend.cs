using Finiex.Engine.Workers;
using System.Runtime.CompilerServices;

namespace Finiex.Engine.Decisions;

/// <summary>OR logic (SEMANTICS §5): an RSI extreme or a band extreme alone gives a signal.</summary>
public sealed class AggressiveTrend(OscillatorWorker rsi, BandWorker band, double rsiBuy, double rsiSell,
    double bandLow, double bandHigh, double minConfidence) : DecisionLogic
{
    public override string Name => "aggressive_trend";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Decision Decide(double mid)
    {
        if (!rsi.IsReady || !band.IsReady)
        {
            return Decision.Flat;
        }

        var value = rsi.Value;
        var position = BandPosition.Of(mid, band.Lower, band.Upper);
        var rsiBuyHit = value < rsiBuy;
        var bandBuyHit = position < bandLow;
        if (rsiBuyHit || bandBuyHit)
        {
            var confidence = 0.4;
            if (rsiBuyHit)
            {
                confidence += 0.3 * (rsiBuy - value) / rsiBuy;
            }

            if (bandBuyHit)
            {
                confidence += 0.3 * (bandLow - position) / bandLow;
            }

            return Filter(Signal.Buy, Math.Min(confidence, 1));
        }

        var rsiSellHit = value > rsiSell;
        var bandSellHit = position > bandHigh;
        if (rsiSellHit || bandSellHit)
        {
            var confidence = 0.4;
            if (rsiSellHit)
            {
                confidence += 0.3 * (value - rsiSell) / (100 - rsiSell);
            }

            if (bandSellHit)
            {
                confidence += 0.3 * (position - bandHigh) / (1 - bandHigh);
            }

            return Filter(Signal.Sell, Math.Min(confidence, 1));
        }

        return Decision.Flat;
    }

    private Decision Filter(Signal signal, double confidence) =>
        confidence < minConfidence ? Decision.Flat : new Decision(signal, confidence);
}
