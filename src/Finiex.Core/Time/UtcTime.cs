using System.Globalization;

namespace Finiex.Core.Time;

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
    /// Parses an ISO-8601 date or date-time. A value without an offset is taken as UTC.
    /// </summary>
    public static bool TryParse(string? text, out long epochMs)
    {
        epochMs = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            && text.Length >= 10 && char.IsDigit(text[0]))
        {
            epochMs = value.ToUnixTimeMilliseconds();
            return true;
        }

        return false;
    }
}
