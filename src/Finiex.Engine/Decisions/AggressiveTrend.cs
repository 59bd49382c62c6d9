using System.Runtime.CompilerServices;
using Finiex.Sdk.Decisions;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Decisions;

/// <summary>OR logic (SEMANTICS §5): an RSI extreme or a band extreme alone gives a signal.</summary>
public sealed class AggressiveTrend(OscillatorWorker rsi, BandWorker band, double rsiBuy, double rsiSell,
    double bandLow, double bandHigh, double minConfidence)
    : OscillatorBandLogic<AggressiveTrend.Rule>(rsi, band, new Rule(rsiBuy, rsiSell, bandLow, bandHigh, minConfidence))
{
    public override string Name => "aggressive_trend";

    public readonly record struct Rule(double RsiBuy, double RsiSell, double BandLow, double BandHigh, double MinConfidence) : IOscillatorBandRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Decision Decide(double value, double position)
        {
            var rsiBuyHit = value < RsiBuy;
            var bandBuyHit = position < BandLow;
            if (rsiBuyHit || bandBuyHit)
            {
                var confidence = 0.4;
                if (rsiBuyHit)
                {
                    confidence += 0.3 * (RsiBuy - value) / RsiBuy;
                }

                if (bandBuyHit)
                {
                    confidence += 0.3 * (BandLow - position) / BandLow;
                }

                return Filter(Signal.Buy, Math.Min(confidence, 1));
            }

            var rsiSellHit = value > RsiSell;
            var bandSellHit = position > BandHigh;
            if (rsiSellHit || bandSellHit)
            {
                var confidence = 0.4;
                if (rsiSellHit)
                {
                    confidence += 0.3 * (value - RsiSell) / (100 - RsiSell);
                }

                if (bandSellHit)
                {
                    confidence += 0.3 * (position - BandHigh) / (1 - BandHigh);
                }

                return Filter(Signal.Sell, Math.Min(confidence, 1));
            }

            return Decision.Flat;
        }

        private Decision Filter(Signal signal, double confidence) =>
            confidence < MinConfidence ? Decision.Flat : new Decision(signal, confidence);
    }
}
