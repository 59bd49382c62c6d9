namespace Finiex.Engine.Tests.Workers;

/// <summary>
/// Straight from SEMANTICS §4, recomputed from the whole sequence at every call: slow, obvious, and the arithmetic
/// in the order the text gives. The engine's incremental workers must match it bit for bit.
/// </summary>
internal static class Reference
{
    public static double WilderRsi(IReadOnlyList<double> c, int n)
    {
        if (c.Count < n + 1)
        {
            return double.NaN;
        }

        double sumGain = 0, sumLoss = 0;
        for (var i = 1; i <= n; i++)
        {
            sumGain += Math.Max(c[i] - c[i - 1], 0);
            sumLoss += Math.Max(-(c[i] - c[i - 1]), 0);
        }

        double avgGain = sumGain / n, avgLoss = sumLoss / n;
        for (var i = n + 1; i < c.Count; i++)
        {
            var d = c[i] - c[i - 1];
            avgGain = ((avgGain * (n - 1)) + Math.Max(d, 0)) / n;
            avgLoss = ((avgLoss * (n - 1)) + Math.Max(-d, 0)) / n;
        }

        return Rsi(avgGain, avgLoss);
    }

    public static double SimpleRsi(IReadOnlyList<double> c, int n)
    {
        if (c.Count < n + 1)
        {
            return double.NaN;
        }

        double sumGain = 0, sumLoss = 0;
        for (var i = c.Count - n; i < c.Count; i++)
        {
            sumGain += Math.Max(c[i] - c[i - 1], 0);
            sumLoss += Math.Max(-(c[i] - c[i - 1]), 0);
        }

        return Rsi(sumGain / n, sumLoss / n);
    }

    public static double Sma(IReadOnlyList<double> c, int n)
    {
        if (c.Count < n)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = c.Count - n; i < c.Count; i++)
        {
            sum += c[i];
        }

        return sum / n;
    }

    public static (double Lower, double Middle, double Upper) Bollinger(IReadOnlyList<double> c, int n, double k)
    {
        if (c.Count < n)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var mean = Sma(c, n);
        var squares = 0.0;
        for (var i = c.Count - n; i < c.Count; i++)
        {
            squares += (c[i] - mean) * (c[i] - mean);
        }

        var sigma = Math.Sqrt(squares / n);
        return (mean - (k * sigma), mean, mean + (k * sigma));
    }

    public static (double Lower, double Middle, double Upper) Envelope(IReadOnlyList<double> c, int n, double pct)
    {
        var middle = Sma(c, n);
        return (middle * (1 - (pct / 100)), middle, middle * (1 + (pct / 100)));
    }

    private static double Rsi(double avgGain, double avgLoss) => avgLoss == 0 ? 100 : 100 - (100 / (1 + (avgGain / avgLoss)));
}
