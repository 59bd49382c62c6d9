using System.Globalization;
using System.Text.RegularExpressions;

namespace Finiex.Data.Import;

/// <summary>
/// The zone a source's local times are written in: a fixed offset ("UTC", "UTC-05", "+02:00") or an IANA zone
/// with daylight saving ("Europe/Helsinki"). Converts local epoch-style milliseconds to UTC milliseconds.
/// </summary>
public sealed partial class DataTimeZone
{
    private readonly TimeZoneInfo? _zone;
    private readonly long _fixedOffsetMs;
    private HourOffset _cached = new(long.MinValue, 0); // one reference, so threads importing files at once never see half an update

    private DataTimeZone(string name, TimeZoneInfo? zone, long fixedOffsetMs)
    {
        Name = name;
        _zone = zone;
        _fixedOffsetMs = fixedOffsetMs;
    }

    public static DataTimeZone Utc { get; } = new("UTC", null, 0);

    public string Name { get; }

    public static DataTimeZone Parse(string text)
    {
        var trimmed = text.Trim();
        var match = OffsetPattern().Match(trimmed);
        if (match.Success)
        {
            if (!match.Groups["sign"].Success)
            {
                return Utc;
            }

            var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
            {
                throw new FormatException($"Time zone offset '{text}' is out of range (at most ±14:00).");
            }

            var sign = match.Groups["sign"].Value == "-" ? -1 : 1;
            return new DataTimeZone(trimmed, null, sign * ((hours * 3_600_000L) + (minutes * 60_000L)));
        }

        try
        {
            return new DataTimeZone(trimmed, TimeZoneInfo.FindSystemTimeZoneById(trimmed), 0);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new FormatException(
                $"Unknown time zone '{text}'. Use a fixed offset such as UTC, UTC-05 or +02:00, or an IANA zone such as Europe/Helsinki.");
        }
    }

    /// <summary>Converts a local time, written as milliseconds since 1970-01-01 00:00 local, to UTC milliseconds.</summary>
    public long ToUtc(long localMs)
    {
        if (_zone is null)
        {
            return localMs - _fixedOffsetMs;
        }

        // Offsets change at most on the hour: cache per local hour.
        var hour = localMs / 3_600_000;
        var cached = _cached;
        if (hour != cached.Hour)
        {
            var local = DateTime.SpecifyKind(DateTime.UnixEpoch.AddMilliseconds(localMs), DateTimeKind.Unspecified);
            cached = new HourOffset(hour, (long)_zone.GetUtcOffset(local).TotalMilliseconds);
            _cached = cached;
        }

        return localMs - cached.OffsetMs;
    }

    private sealed record HourOffset(long Hour, long OffsetMs);

    public override string ToString() => Name;

    [GeneratedRegex(@"^(?:UTC|GMT|Z)?(?:(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetPattern();
}
