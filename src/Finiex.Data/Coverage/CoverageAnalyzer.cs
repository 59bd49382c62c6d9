using System.Collections.Immutable;
using Finiex.Sdk.Time;

namespace Finiex.Data.Coverage;

/// <summary>Finds days and gaps in a sorted sequence of tick times.</summary>
public static class CoverageAnalyzer
{
    public const long MinGapMs = 10_000;
    private const int LargestGapsKept = 10;

    public static CoverageReport Analyze(ReadOnlySpan<long> times)
    {
        if (times.IsEmpty)
        {
            return new CoverageReport();
        }

        var counts = new SortedDictionary<GapCategory, int>();
        foreach (var category in Enum.GetValues<GapCategory>())
        {
            counts[category] = 0;
        }

        var largest = new List<Gap>();
        var weekends = new List<Gap>();
        var days = 1;
        var day = FloorDay(times[0]);
        for (var i = 1; i < times.Length; i++)
        {
            var tickDay = FloorDay(times[i]);
            if (tickDay != day)
            {
                days++;
                day = tickDay;
            }

            var length = times[i] - times[i - 1];
            if (length < MinGapMs)
            {
                continue;
            }

            var gap = new Gap(times[i - 1], times[i], Categorize(times[i - 1], times[i]));
            counts[gap.Category]++;
            if (gap.Category == GapCategory.Weekend)
            {
                weekends.Add(gap);
            }
            else if (gap.Category >= GapCategory.Moderate)
            {
                largest.Add(gap);
            }
        }

        return new CoverageReport
        {
            Ticks = times.Length,
            FirstMs = times[0],
            LastMs = times[^1],
            Days = days,
            GapCounts = counts.ToImmutableSortedDictionary(),
            LargestGaps = [.. largest.OrderByDescending(g => g.ToMs - g.FromMs).ThenBy(g => g.FromMs).Take(LargestGapsKept)],
            WeekendGaps = [.. weekends],
        };
    }

    public static GapCategory Categorize(long fromMs, long toMs)
    {
        if (OverlapsSaturday(fromMs, toMs))
        {
            return GapCategory.Weekend;
        }

        var length = toMs - fromMs;
        return length switch
        {
            < 60_000 => GapCategory.Seamless,
            < 30 * 60_000 => GapCategory.Short,
            < 4 * 3_600_000 => GapCategory.Moderate,
            _ => GapCategory.Large,
        };
    }

    private static bool OverlapsSaturday(long fromMs, long toMs)
    {
        if (toMs - fromMs >= 7 * UtcTime.MsPerDay)
        {
            return true;
        }

        for (var dayStart = FloorDay(fromMs); dayStart < toMs; dayStart += UtcTime.MsPerDay)
        {
            if (UtcTime.ToDateTimeOffset(dayStart).DayOfWeek == DayOfWeek.Saturday)
            {
                return true;
            }
        }

        return false;
    }

    private static long FloorDay(long ms) => Timeframe.D1.BucketStart(ms);
}
