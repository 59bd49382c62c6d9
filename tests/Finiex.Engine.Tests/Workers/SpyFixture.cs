using System.Globalization;
using Finiex.Tests.Shared;

namespace Finiex.Engine.Tests.Workers;

/// <summary>The 502 daily SPY closes of ../shared/data/indicators, the fixture with published reference values.</summary>
internal static class SpyFixture
{
    public static double[] Closes { get; } = File.ReadAllLines(Path.Combine(RepoPaths.TestData, "indicators", "spy_daily_default.csv"))
        .Skip(1)
        .Where(l => l.Length > 0)
        .Select(l => double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture))
        .ToArray();
}
