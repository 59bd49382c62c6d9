using Finiex.Data.Import;

namespace Finiex.Data.Tests.Import;

public sealed class DataTimeZoneTests
{
    [Theory]
    [InlineData("UTC", 0)]
    [InlineData("UTC-05", -5 * 3600)]
    [InlineData("utc+2", 2 * 3600)]
    [InlineData("+05:30", (5 * 3600) + 1800)]
    [InlineData("-0330", -((3 * 3600) + 1800))]
    public void Fixed_offsets_parse(string text, int offsetSeconds) =>
        Assert.Equal(-offsetSeconds * 1000L, DataTimeZone.Parse(text).ToUtc(0));

    [Fact]
    public void Iana_zones_follow_daylight_saving()
    {
        var helsinki = DataTimeZone.Parse("Europe/Helsinki");
        var winterNoon = new DateTimeOffset(2025, 1, 15, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var summerNoon = new DateTimeOffset(2025, 7, 15, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal(winterNoon - (2 * 3_600_000), helsinki.ToUtc(winterNoon));
        Assert.Equal(summerNoon - (3 * 3_600_000), helsinki.ToUtc(summerNoon));
    }

    [Fact]
    public void Unknown_zones_say_what_is_accepted()
    {
        var ex = Assert.Throws<FormatException>(() => DataTimeZone.Parse("Mars/Olympus"));
        Assert.Contains("UTC-05", ex.Message, StringComparison.Ordinal);
    }
}
