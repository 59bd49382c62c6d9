using System.Runtime.CompilerServices;
using Finiex.Sdk.Decisions;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Decisions;

/// <summary>AND logic (SEMANTICS §5): RSI and band position must agree.</summary>
public sealed class SimpleConsensus(OscillatorWorker rsi, BandWorker band, double rsiLow, double rsiHigh,
    double bandLow, double bandHigh, double minConfidence)
    : OscillatorBandLogic<SimpleConsensus.Rule>(rsi, band, new Rule(rsiLow, rsiHigh, bandLow, bandHigh, minConfidence))
{
    public override string Name => "simple_consensus";

    public readonly record struct Rule(double RsiLow, double RsiHigh, double BandLow, double BandHigh, double MinConfidence) : IOscillatorBandRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Decision Decide(double value, double position)
        {
            Signal signal;
            double strengthRsi, strengthBand;
            if (value <= RsiLow && position <= BandLow)
            {
                signal = Signal.Buy;
                strengthRsi = (RsiLow - value) / RsiLow;
                strengthBand = (BandLow - position) / BandLow;
            }
            else if (value >= RsiHigh && position >= BandHigh)
            {
                signal = Signal.Sell;
                strengthRsi = (value - RsiHigh) / (100 - RsiHigh);
                strengthBand = (position - BandHigh) / (1 - BandHigh);
            }
            else
            {
                return Decision.Flat;
            }

            var confidence = Math.Clamp(0.5 + (0.5 * (strengthRsi + strengthBand) / 2), 0.5, 1);
            return confidence < MinConfidence ? Decision.Flat : new Decision(signal, confidence);
        }
    }
}
