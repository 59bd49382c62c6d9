using Finiex.Contracts.Results;
using Finiex.Engine.Reporting;

namespace Finiex.Engine.Tests.Reporting;

public sealed class EquityCurveRecorderTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(1_999)]
    [InlineData(2_000)]
    [InlineData(123_457)]
    [InlineData(1_000_000)]
    public void The_curve_stays_bounded_and_keeps_every_trough_and_peak(int stretches)
    {
        var recorder = new EquityCurveRecorder();
        var (trough, peak) = (stretches / 3, (2 * stretches) / 3);
        for (var i = 0; i < stretches; i++)
        {
            var equity = 10_000 + Math.Sin(i / 50.0);
            var low = i == trough ? 7_000 : equity - 0.5;
            var high = i == peak ? 13_000 : equity + 0.5;
            recorder.AddStretch(i * 1_000L, low, high, equity, 10_000);
        }

        var curve = recorder.Build();

        Assert.InRange(curve.Times.Count, Math.Min(stretches, EquityCurve.MaxPoints / 2), EquityCurve.MaxPoints);
        Assert.Equal(7_000, curve.Low.Min());
        Assert.Equal(13_000, curve.High.Max());
        Assert.Equal((stretches - 1) * 1_000L, curve.Times[^1]); // the last point ends at the last tick
        Assert.Equal(10_000 + Math.Sin((stretches - 1) / 50.0), curve.Equity[^1]);
        Assert.True(curve.Times.Zip(curve.Times.Skip(1)).All(p => p.First < p.Second), "times increase");
        var troughPoint = curve.Low.ToList().IndexOf(7_000);
        Assert.True(curve.Times[troughPoint] >= trough * 1_000L && (troughPoint == 0 || curve.Times[troughPoint - 1] < trough * 1_000L),
            "the trough is in the point that covers its stretch");
    }

    [Fact]
    public void Days_are_cut_at_utc_midnight()
    {
        var recorder = new EquityCurveRecorder();
        const long day = 86_400_000;
        recorder.StartDay(5 * day + 100);
        Assert.Equal(6 * day, recorder.NextDay);
        recorder.EndDay(1_234);

        var curve = recorder.Build();
        Assert.Equal([5 * day], curve.Days);
        Assert.Equal([1_234.0], curve.DayEquity);
    }
}
