namespace Finiex.Engine.Workers;

/// <summary>Where the price sits in a band: <c>clamp((mid − lower) / (upper − lower), 0, 1)</c>, 0.5 when the band is flat.</summary>
public static class BandPosition
{
    public static double Of(double mid, double lower, double upper) =>
        upper == lower ? 0.5 : Math.Clamp((mid - lower) / (upper - lower), 0, 1);
}
