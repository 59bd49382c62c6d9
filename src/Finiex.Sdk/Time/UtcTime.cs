using System.Globalization;

namespace Finiex.Sdk.Time;

/// <summary>Conversions between UTC epoch milliseconds and readable text.</summary>
public static class UtcTime
{
    public const long MsPerDay = 86_400_000;

    public static DateTimeOffset ToDateTimeOffset(long epochMs) => DateTimeOffset.FromUnixTimeMilliseconds(epochMs);

    public static string Format(long epochMs) =>
        ToDateTimeOffset(epochMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static long FromDate(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>
    /// Parses an ISO-8601 date (<c>2014-05-06</c>) or date-time (<c>2014-05-06T08:30</c>, <c>…:00</c>, <c>…:00.250</c>,
    /// with <c>Z</c> or an offset such as <c>+02:00</c>; without one it is UTC). Nothing else: no slashes, dots or
    /// culture-dependent orders, which would be guessed.
    /// </summary>
    public static bool TryParse(string? text, out long epochMs)
    {
        epochMs = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            epochMs = value.ToUnixTimeMilliseconds();
            return true;
        }

        return false;
    }

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];
}
