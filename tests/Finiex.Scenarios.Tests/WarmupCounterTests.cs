using Finiex.Scenarios.Validation;
using Finiex.Sdk.Time;

namespace Finiex.Scenarios.Tests;

/// <summary>SEMANTICS §3: only bars whose bucket ends at or before the start count.</summary>
public sealed class WarmupCounterTests
{
    private const long Minute = 60_000;

    // Ticks at minutes 0, 1, 4, 5, 9, 10, 12 (M5 buckets: 0, 0, 0, 5, 5, 10, 10).
    private static readonly long[] Times = [0, 1 * Minute, 4 * Minute, 5 * Minute, 9 * Minute, 10 * Minute, 12 * Minute];

    [Theory]
    [InlineData(10, 2)] // start on a boundary: buckets 0 and 5 are closed
    [InlineData(12, 2)] // the bucket holding the start (10) is not a warmup bar, nor its ticks before the start
    [InlineData(15, 3)]
    [InlineData(5, 1)]
    [InlineData(4, 0)]
    public void Counts_closed_buckets_before_the_start(int startMinute, int expected) =>
        Assert.Equal(expected, WarmupCounter.CountBarsBefore(Times, startMinute * Minute, Timeframe.M5, 100));

    [Fact]
    public void Stops_counting_once_enough_bars_are_found() =>
        Assert.Equal(2, WarmupCounter.CountBarsBefore(Times, 15 * Minute, Timeframe.M5, 2));

    [Fact]
    public void Buckets_without_ticks_are_not_bars()
    {
        long[] times = [0, 20 * Minute]; // buckets 0 and 20; 5..15 are empty
        Assert.Equal(2, WarmupCounter.CountBarsBefore(times, 25 * Minute, Timeframe.M5, 10));
    }

    [Fact]
    public void H4_buckets_align_to_utc_midnight()
    {
        var day = UtcTime.FromDate(new DateOnly(2014, 5, 6));
        long[] times = [day - (1 * 3_600_000), day + (3 * 3_600_000), day + (5 * 3_600_000)]; // buckets 20:00, 00:00, 04:00
        Assert.Equal(2, WarmupCounter.CountBarsBefore(times, day + (4 * 3_600_000), Timeframe.H4, 10));
        Assert.Equal(1, WarmupCounter.CountBarsBefore(times, day + (3 * 3_600_000), Timeframe.H4, 10));
    }
}
