using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Finiex.Data.Import;

/// <summary>
/// Allocation-free helpers for parsing delimited UTF-8 text, inlined into the readers' fully optimised loops (an import
/// is too short for tiered compilation to reach them).
/// </summary>
internal static class Utf8Text
{
    /// <summary>Splits off the next line (without its \r\n or \n) and advances <paramref name="rest"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> rest)
    {
        var end = rest.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line;
        if (end < 0)
        {
            line = rest;
            rest = default;
        }
        else
        {
            line = rest[..end];
            rest = rest[(end + 1)..];
        }

        return line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
    }

    /// <summary>Splits off the next field before <paramref name="delimiter"/> and advances <paramref name="rest"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> NextField(ref ReadOnlySpan<byte> rest, byte delimiter)
    {
        var end = rest.IndexOf(delimiter);
        ReadOnlySpan<byte> field;
        if (end < 0)
        {
            field = rest;
            rest = default;
        }
        else
        {
            field = rest[..end];
            rest = rest[(end + 1)..];
        }

        return Trim(field);
    }

    /// <summary>Writes the ranges of up to ranges.Length fields; returns how many fields the line has (capped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Split(ReadOnlySpan<byte> line, Span<Range> ranges, byte delimiter)
    {
        var count = 0;
        var start = 0;
        while (count < ranges.Length)
        {
            var end = line[start..].IndexOf(delimiter);
            if (end < 0)
            {
                ranges[count++] = new Range(start, line.Length);
                break;
            }

            ranges[count++] = new Range(start, start + end);
            start += end + 1;
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field)
    {
        field = field.Trim((byte)' ');
        if (field.Length >= 2 && field[0] == (byte)'"' && field[^1] == (byte)'"')
        {
            field = field[1..^1];
        }

        return field;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseDouble(ReadOnlySpan<byte> field, out double value)
    {
        // Utf8Parser is exact (IEEE round-to-nearest) and the fastest path for plain decimals; fall back for exponents etc.
        if (Utf8Parser.TryParse(field, out value, out var consumed) && consumed == field.Length)
        {
            return true;
        }

        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseInt64(ReadOnlySpan<byte> field, out long value) =>
        Utf8Parser.TryParse(field, out value, out var consumed) && consumed == field.Length;

    /// <summary>Skips a UTF-8 byte order mark.</summary>
    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> text) =>
        text.StartsWith("\uFEFF"u8) ? text[3..] : text;
}
