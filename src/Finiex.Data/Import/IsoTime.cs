using System.Runtime.CompilerServices;

namespace Finiex.Data.Import;

/// <summary>
/// The common ISO 8601 shape, parsed straight from UTF-8 without building a string: <c>yyyy-MM-dd</c>, then
/// <c>T</c> or a space, <c>HH:mm:ss</c>, an optional fraction of 1–7 digits (truncated to milliseconds), and an
/// optional <c>Z</c> or <c>±HH:mm</c>/<c>±HHmm</c>/<c>±HH</c>. Anything else returns false, so callers can fall back to
/// the general parser.
/// </summary>
internal static class IsoTime
{
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>
    /// Milliseconds since 1970-01-01 00:00 of the written clock time (local when there is no offset) and, when the text
    /// carries one, the offset in milliseconds (UTC = local − offset).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> text, out long clockMs, out long? offsetMs)
    {
        clockMs = 0;
        offsetMs = null;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') || text[13] != ':' || text[16] != ':'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        var millis = 0;
        if (position < text.Length && text[position] == '.')
        {
            var start = ++position;
            while (position < text.Length && (uint)(text[position] - '0') <= 9)
            {
                if (position - start < 3)
                {
                    millis = (millis * 10) + (text[position] - '0');
                }

                position++;
            }

            var digits = position - start;
            if (digits is 0 or > 7)
            {
                return false;
            }

            for (var d = digits; d < 3; d++)
            {
                millis *= 10;
            }
        }

        if (position < text.Length)
        {
            if (!TryParseOffset(text[position..], out var offset))
            {
                return false;
            }

            offsetMs = offset;
        }

        var days = new DateOnly(year, month, day).DayNumber - EpochDayNumber;
        clockMs = ((((days * 24L) + hour) * 60 + minute) * 60 + second) * 1000 + millis;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseOffset(ReadOnlySpan<byte> text, out long offsetMs)
    {
        offsetMs = 0;
        if (text is [(byte)'Z' or (byte)'z'])
        {
            return true;
        }

        if (text.Length < 3 || (text[0] != '+' && text[0] != '-') || !Digits(text, 1, 2, out var hours))
        {
            return false;
        }

        var minutes = 0;
        var rest = text[3..];
        if (rest.Length == 3 && rest[0] == ':' && Digits(rest, 1, 2, out var withColon))
        {
            minutes = withColon;
        }
        else if (rest.Length == 2 && Digits(rest, 0, 2, out var plain))
        {
            minutes = plain;
        }
        else if (!rest.IsEmpty)
        {
            return false;
        }

        if (minutes > 59 || (hours * 60) + minutes > 14 * 60) // .NET's limit: ±14:00
        {
            return false;
        }

        offsetMs = (text[0] == '-' ? -1 : 1) * ((hours * 60L) + minutes) * 60_000;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
