using Finiex.Sdk.Decisions;

namespace Finiex.Engine.Decisions;

/// <summary>The rule of an <see cref="OscillatorBandLogic{TRule}"/>: a decision from an oscillator value and a band position.</summary>
public interface IOscillatorBandRule
{
    Decision Decide(double value, double position);
}
