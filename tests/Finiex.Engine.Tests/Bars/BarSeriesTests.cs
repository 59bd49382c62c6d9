using Finiex.Engine.Bars;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Time;

namespace Finiex.Engine.Tests.Bars;

/// <summary>SEMANTICS §2: epoch-aligned UTC buckets, OHLC of mid, no gap bars, closing on a later bucket's tick.</summary>
public sealed class BarSeriesTests
{
    private static readonly long Midnight = new DateTimeOffset(2014, 5, 7, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private const long Hour = 3_600_000;

    [Fact]
    public void A_bar_is_ohlc_of_mid_and_closes_when_a_later_bucket_starts()
    {
        var series = new BarSeries(Timeframe.M1);
        Assert.False(series.OnTick(Midnight + 1_000, 1.0));
        Assert.False(series.OnTick(Midnight + 2_000, 1.4));
        Assert.False(series.OnTick(Midnight + 3_000, 0.8));
        Assert.False(series.OnTick(Midnight + 59_999, 1.1));
        Assert.Equal(0, series.Count);
        Assert.True(series.OnTick(Midnight + 60_000, 2.0));

        Assert.Equal(1, series.Count);
        Assert.Equal((Midnight, 1.0, 1.4, 0.8, 1.1, 4), (series.Starts[0], series.Open[0], series.High[0], series.Low[0], series.Close[0], series.TickCounts[0]));
        Assert.Equal((Midnight + 60_000, 2.0, 1), (series.FormingStart, series.FormingClose, series.FormingTicks));
    }

    [Fact]
    public void Buckets_without_ticks_have_no_bar()
    {
        var series = new BarSeries(Timeframe.M1);
        series.OnTick(Midnight, 1);
        series.OnTick(Midnight + (5 * 60_000) + 10, 2); // four empty minutes
        series.OnTick(Midnight + (6 * 60_000), 3);
        Assert.Equal([Midnight, Midnight + (5 * 60_000)], series.Starts.ToArray());
    }

    [Fact]
    public void Day_and_h4_buckets_turn_at_utc_midnight_and_every_four_hours()
    {
        var day = new BarSeries(Timeframe.D1);
        var h4 = new BarSeries(Timeframe.H4);
        long[] times = [Midnight - 1, Midnight, Midnight + (4 * Hour) - 1, Midnight + (4 * Hour), Midnight + (8 * Hour)];
        foreach (var time in times)
        {
            day.OnTick(time, time);
            h4.OnTick(time, time);
        }

        Assert.Equal([Midnight - (24 * Hour)], day.Starts.ToArray());
        Assert.Equal(Midnight, day.FormingStart);
        Assert.Equal([Midnight - (4 * Hour), Midnight, Midnight + (4 * Hour)], h4.Starts.ToArray());
        Assert.Equal([1, 2, 1], h4.TickCounts.ToArray());
        Assert.Equal(Midnight + (8 * Hour), h4.FormingStart);
    }

    [Fact]
    public void The_bar_builder_closes_the_last_bucket_when_asked()
    {
        long[] times = [Midnight, Midnight + 30_000, Midnight + 60_000];
        double[] bids = [1, 2, 3];
        double[] asks = [1, 2, 3];
        Assert.Equal(2, BarBuilder.Build(Timeframe.M1, times, bids, asks, includeLast: true).Count);
        Assert.Equal(1, BarBuilder.Build(Timeframe.M1, times, bids, asks, includeLast: false).Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Rendering_a_run_of_ticks_gives_the_bars_of_rendering_them_one_by_one(int seed)
    {
        var random = new Random(seed);
        var (times, mids) = (new long[20_000], new double[20_000]);
        var time = Midnight;
        for (var i = 0; i < times.Length; i++)
        {
            time += random.Next(10) == 0 ? random.Next(400_000) : random.Next(3_000); // gaps of several buckets now and then
            times[i] = time;
            mids[i] = 1.3 + (random.NextDouble() / 100);
        }

        foreach (var timeframe in new[] { Timeframe.M1, Timeframe.M5, Timeframe.H1 })
        {
            var oneByOne = new BarSeries(timeframe);
            var closedOneByOne = new List<int>();
            for (var i = 0; i < times.Length; i++)
            {
                if (oneByOne.OnTick(times[i], mids[i]))
                {
                    closedOneByOne.Add(i);
                }
            }

            var runs = new BarSeries(timeframe);
            var closedInRuns = new List<int>();
            var closedAt = new int[times.Length];
            for (var from = 0; from < times.Length;)
            {
                var length = Math.Min(times.Length - from, 1 + random.Next(2_000));
                var closes = runs.OnTicks(times.AsSpan(from, length), mids.AsSpan(from, length), closedAt);
                closedInRuns.AddRange(closedAt.Take(closes).Select(at => from + at));
                from += length;
            }

            Assert.Equal(closedOneByOne, closedInRuns);
            Assert.True(runs.Count > 50);
            Assert.Equal(oneByOne.Starts.ToArray(), runs.Starts.ToArray());
            Assert.Equal(oneByOne.Open.ToArray(), runs.Open.ToArray());
            Assert.Equal(oneByOne.High.ToArray(), runs.High.ToArray());
            Assert.Equal(oneByOne.Low.ToArray(), runs.Low.ToArray());
            Assert.Equal(oneByOne.Close.ToArray(), runs.Close.ToArray());
            Assert.Equal(oneByOne.TickCounts.ToArray(), runs.TickCounts.ToArray());
            Assert.Equal(
                (oneByOne.FormingStart, oneByOne.FormingOpen, oneByOne.FormingHigh, oneByOne.FormingLow, oneByOne.FormingClose, oneByOne.FormingTicks),
                (runs.FormingStart, runs.FormingOpen, runs.FormingHigh, runs.FormingLow, runs.FormingClose, runs.FormingTicks));
        }
    }
}
