using System.Runtime.CompilerServices;

namespace Finiex.Data.Import;

/// <summary>
/// The importer's outlier rule (SEMANTICS §1; docs/tick-store.md): a quote whose mid lies beyond
/// <see cref="Factor"/>× or below 1/<see cref="Factor"/> of the median of the last <see cref="Window"/> accepted mids
/// of its file is an outlier (1e308 among 1.39s, 13.8 among 1.39s). No quote moves by half or double from one tick to
/// the next in real FX or CFD data. Judging starts once <see cref="MinimumHistory"/> mids are known; outliers do not
/// enter the history, so one bad quote never shifts the reference.
/// </summary>
public sealed class PriceOutlierDetector
{
    public const double Factor = 2.0;
    public const int Window = 32;
    public const int MinimumHistory = 8;

    private readonly double[] _recent = new double[Window];
    private readonly double[] _sorted = new double[Window];
    private int _count;
    private int _next;
    private double _last;

    /// <summary>Judges a valid quote's mid and, when it is not an outlier, remembers it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsOutlier(double mid)
    {
        // Fast path: within 20 % of the last accepted mid cannot be a factor-2 jump off a median of such mids.
        if (_count >= MinimumHistory && mid <= _last * 1.2 && mid >= _last / 1.2)
        {
            Remember(mid);
            return false;
        }

        if (_count >= MinimumHistory)
        {
            var median = Median();
            if (mid > median * Factor || mid < median / Factor)
            {
                return true;
            }
        }

        Remember(mid);
        return false;
    }

    private void Remember(double mid)
    {
        _recent[_next] = mid;
        _next = (_next + 1) % Window;
        _count = Math.Min(_count + 1, Window);
        _last = mid;
    }

    private double Median()
    {
        var span = _sorted.AsSpan(0, _count);
        _recent.AsSpan(0, _count).CopyTo(span);
        span.Sort();
        return (_count & 1) == 1 ? span[_count / 2] : (span[(_count / 2) - 1] + span[_count / 2]) / 2;
    }
}
