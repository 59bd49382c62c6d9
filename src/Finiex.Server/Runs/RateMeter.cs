using System.Diagnostics;

namespace Finiex.Server.Runs;

/// <summary>A count per second over the last <see cref="WindowSeconds"/> seconds (ticks processed, events published), cheap to add to from any thread.</summary>
public sealed class RateMeter
{
    public const int WindowSeconds = 10;
    private readonly long[] _buckets = new long[WindowSeconds + 1];
    private readonly long[] _bucketSecond = new long[WindowSeconds + 1];
    private readonly object _gate = new();
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Add(long count)
    {
        if (count <= 0)
        {
            return;
        }

        var second = Now();
        lock (_gate)
        {
            var at = second % _buckets.Length;
            if (_bucketSecond[at] != second)
            {
                _bucketSecond[at] = second;
                _buckets[at] = 0;
            }

            _buckets[at] += count;
            _total += count;
        }
    }

    /// <summary>The mean rate over the last full seconds of the window.</summary>
    public double PerSecond()
    {
        var second = Now();
        lock (_gate)
        {
            long sum = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                if (_bucketSecond[i] < second && second - _bucketSecond[i] <= WindowSeconds)
                {
                    sum += _buckets[i];
                }
            }

            return sum / (double)WindowSeconds;
        }
    }

    private static long Now() => Stopwatch.GetTimestamp() / Stopwatch.Frequency + 1;
}
