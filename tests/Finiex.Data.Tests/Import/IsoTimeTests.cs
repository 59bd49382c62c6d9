using System.Globalization;
using System.Text;
using Finiex.Data.Import;

namespace Finiex.Data.Tests.Import;

/// <summary>The fast ISO 8601 parser agrees with .NET's DateTimeOffset parser on every shape it accepts.</summary>
public sealed class IsoTimeTests
{
    [Theory]
    [InlineData("2014-05-06T00:00:00Z", 1_399_334_400_000L, 0L)]
    [InlineData("2014-05-06 13:45:10.123", 1_399_383_910_123L, null)]
    [InlineData("2014-05-06t13:45:10.1239999+02:00", 1_399_383_910_123L, 7_200_000L)]
    [InlineData("2000-02-29T23:59:59.9-0530", 951_868_799_900L, -19_800_000L)]
    [InlineData("1970-01-01T00:00:00.5+01", 500L, 3_600_000L)]
    public void Parses_the_clock_time_and_offset(string text, long clockMs, long? offsetMs)
    {
        Assert.True(IsoTime.TryParse(Encoding.UTF8.GetBytes(text), out var clock, out var offset));
        Assert.Equal(clockMs, clock);
        Assert.Equal(offsetMs, offset);
    }

    [Theory]
    [InlineData("2014-02-29T00:00:00")] // not a leap year
    [InlineData("1900-02-29T00:00:00")]
    [InlineData("2014-13-01T00:00:00")]
    [InlineData("2014-05-06T24:00:00")]
    [InlineData("2014-05-06T12:60:00")]
    [InlineData("2014-05-06T12:00:00.")]
    [InlineData("2014-05-06T12:00:00.12345678")]
    [InlineData("2014-05-06T12:00:00+1")]
    [InlineData("2014-05-06T12:00:00+14:30")]
    [InlineData("2014-05-06T12:00:00 UTC")]
    [InlineData("2014-5-6T12:00:00")]
    [InlineData("06/05/2014 12:00:00")]
    public void Refuses_anything_else_so_the_general_parser_decides(string text) =>
        Assert.False(IsoTime.TryParse(Encoding.UTF8.GetBytes(text), out _, out _));

    [Fact]
    public void Agrees_with_DateTimeOffset_on_thousands_of_random_times()
    {
        var random = new Random(7);
        for (var i = 0; i < 5_000; i++)
        {
            var time = new DateTime(1971, 1, 1).AddTicks((long)(random.NextDouble() * (new DateTime(2099, 12, 31) - new DateTime(1971, 1, 1)).Ticks));
            var fraction = random.Next(8) is var digits and > 0 ? "." + time.Ticks.ToString("D7", CultureInfo.InvariantCulture)[^7..][..digits] : "";
            var offset = random.Next(4) switch
            {
                0 => "",
                1 => "Z",
                2 => $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(14):D2}:{random.Next(4) * 15:D2}",
                _ => $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(14):D2}{random.Next(4) * 15:D2}",
            };
            var text = time.ToString(random.Next(2) == 0 ? "yyyy-MM-ddTHH:mm:ss" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + fraction + offset;

            Assert.True(IsoTime.TryParse(Encoding.UTF8.GetBytes(text), out var clock, out var parsedOffset), text);
            Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expected), text);
            Assert.Equal(expected.DateTime.Ticks / TimeSpan.TicksPerMillisecond - (DateTime.UnixEpoch.Ticks / TimeSpan.TicksPerMillisecond), clock);
            Assert.Equal(offset.Length == 0 ? null : (long)expected.Offset.TotalMilliseconds, parsedOffset);
        }
    }
}
