namespace Finiex.Sdk.Decisions;

/// <summary>A decision logic's output at one tick.</summary>
public readonly record struct Decision(Signal Signal, double Confidence)
{
    public static Decision Flat => new(Signal.Flat, 0);
}
