namespace Finiex.Core.Ticks;

/// <summary>One quote: UTC milliseconds since the Unix epoch, bid and ask (SEMANTICS §1).</summary>
public readonly record struct Tick(long Time, double Bid, double Ask)
{
    public double Mid => (Bid + Ask) / 2;

    /// <summary>Valid when both prices are finite and strictly positive. Crossed quotes are valid.</summary>
    public static bool IsValidPrice(double price) => double.IsFinite(price) && price > 0;
}
