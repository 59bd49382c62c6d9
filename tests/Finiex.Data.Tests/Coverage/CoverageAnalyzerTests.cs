using Finiex.Data.Coverage;

namespace Finiex.Data.Tests.Coverage;

public sealed class CoverageAnalyzerTests
{
    private static long At(int day, int hour, int minute = 0, int second = 0) =>
        new DateTimeOffset(2014, 5, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Gaps_fall_into_their_categories_and_weekends_apart()
    {
        long[] times =
        [
            At(5, 10, 0, 0), At(5, 10, 0, 5),   // 5 s: not a gap
            At(5, 10, 0, 35),                    // 30 s: seamless
            At(5, 10, 10, 35),                   // 10 min: short
            At(5, 12, 10, 35),                   // 2 h: moderate
            At(5, 18, 10, 35),                   // 6 h: large
            At(9, 21, 0, 0),                     // Mon -> Fri: 4 days, covers no Saturday: large
            At(11, 21, 0, 0),                    // Fri -> Sun: weekend
        ];

        var report = CoverageAnalyzer.Analyze(times);

        Assert.Equal(1, report.GapCounts[GapCategory.Seamless]);
        Assert.Equal(1, report.GapCounts[GapCategory.Short]);
        Assert.Equal(1, report.GapCounts[GapCategory.Moderate]);
        Assert.Equal(2, report.GapCounts[GapCategory.Large]);
        Assert.Equal(1, report.GapCounts[GapCategory.Weekend]);
        Assert.Equal(3, report.Days);
        Assert.Equal(At(5, 18, 10, 35), report.LargestGaps[0].FromMs);
        Assert.Single(report.WeekendGaps);
    }

    [Fact]
    public void No_ticks_give_an_empty_report() => Assert.Equal(0, CoverageAnalyzer.Analyze([]).Ticks);
}
