using System.Runtime.CompilerServices;

namespace Finiex.Sdk.Workers;

/// <summary>Where the price sits in a band: <c>clamp((mid − lower) / (upper − lower), 0, 1)</c>, 0.5 when the band is flat.</summary>
public static class BandPosition
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double mid, double lower, double upper)
    {
        if (upper == lower)
        {
            return 0.5;
        }

        // Math.Clamp, without its argument check (it keeps the method from inlining).
        var position = (mid - lower) / (upper - lower);
        return position < 0 ? 0 : position > 1 ? 1 : position;
    }
}
