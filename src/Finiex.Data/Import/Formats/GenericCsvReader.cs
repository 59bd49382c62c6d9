using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Finiex.Data.Import.Formats;

/// <summary>A CSV file with a header row; columns and the time format are given by <see cref="CsvColumns"/>.</summary>
public sealed class GenericCsvReader : ITickSourceReader
{
    private readonly CsvColumns _columns;
    private readonly DataTimeZone _zone;
    private readonly TimeKind _timeKind;

    public GenericCsvReader(CsvColumns columns, DataTimeZone zone)
    {
        _columns = columns;
        _zone = zone;
        _timeKind = columns.TimeFormat.ToLowerInvariant() switch
        {
            "iso" => TimeKind.Iso,
            "epoch-ms" => TimeKind.EpochMs,
            "epoch-s" => TimeKind.EpochS,
            "epoch-us" => TimeKind.EpochUs,
            _ => TimeKind.Pattern,
        };
        if (_timeKind == TimeKind.Pattern)
        {
            try
            {
                _ = DateTime.MinValue.ToString(columns.TimeFormat, CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw new ImportException($"--time-format '{columns.TimeFormat}' is neither iso, epoch-ms, epoch-s, epoch-us nor a valid date pattern.");
            }
        }
    }

    private enum TimeKind
    {
        Iso,
        EpochMs,
        EpochS,
        EpochUs,
        Pattern,
    }

    public string Format => "csv";

    public bool HasVolumes => _columns.BidVolume is not null || _columns.AskVolume is not null;

    public bool Accepts(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    // Fully optimised from the first call: an import calls this once per file, too few times for tiering to reach its loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Read(string path, ImportSink sink, CancellationToken cancellationToken)
    {
        var content = File.ReadAllBytes(path);
        ReadOnlySpan<byte> rest = Utf8Text.SkipBom(content);
        var delimiter = (byte)_columns.Delimiter;
        var header = Encoding.UTF8.GetString(Utf8Text.NextLine(ref rest)).Split(_columns.Delimiter)
            .Select(h => h.Trim().Trim('"')).ToList();
        int Find(string? name, bool required)
        {
            if (name is null)
            {
                return -1;
            }

            var index = header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0 && required)
            {
                throw new ImportException($"{path}:1: the header has no column '{name}' (it has: {string.Join(", ", header)}); name the columns with --time-column, --bid-column and --ask-column.");
            }

            return index;
        }

        var timeIndex = Find(_columns.Time, true);
        var bidIndex = Find(_columns.Bid, true);
        var askIndex = Find(_columns.Ask, true);
        var bidVolumeIndex = Find(_columns.BidVolume, true);
        var askVolumeIndex = Find(_columns.AskVolume, true);
        var fieldCount = header.Count;
        Span<Range> ranges = stackalloc Range[Math.Min(fieldCount + 1, 256)];

        long line = 1;
        while (!rest.IsEmpty)
        {
            line++;
            if ((line & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var text = Utf8Text.NextLine(ref rest);
            if (text.IsEmpty)
            {
                continue;
            }

            var found = Utf8Text.Split(text, ranges, delimiter);
            if (found < fieldCount)
            {
                sink.AddInvalid(line, "too few fields");
                continue;
            }

            if (!TryParseTime(Utf8Text.Trim(text[ranges[timeIndex]]), out var time))
            {
                sink.AddInvalid(line, "unparsable time");
                continue;
            }

            if (!Utf8Text.TryParseDouble(Utf8Text.Trim(text[ranges[bidIndex]]), out var bid))
            {
                sink.AddInvalid(line, "unparsable bid");
                continue;
            }

            if (!Utf8Text.TryParseDouble(Utf8Text.Trim(text[ranges[askIndex]]), out var ask))
            {
                sink.AddInvalid(line, "unparsable ask");
                continue;
            }

            double bidVolume = 0, askVolume = 0;
            if ((bidVolumeIndex >= 0 && !Utf8Text.TryParseDouble(Utf8Text.Trim(text[ranges[bidVolumeIndex]]), out bidVolume))
                || (askVolumeIndex >= 0 && !Utf8Text.TryParseDouble(Utf8Text.Trim(text[ranges[askVolumeIndex]]), out askVolume)))
            {
                sink.AddInvalid(line, "unparsable volume");
                continue;
            }

            sink.AddTick(line, time, bid, ask, bidVolume, askVolume);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseTime(ReadOnlySpan<byte> field, out long utcMs)
    {
        utcMs = 0;
        switch (_timeKind)
        {
            case TimeKind.EpochMs when Utf8Text.TryParseInt64(field, out var ms):
                utcMs = ms;
                return true;
            case TimeKind.EpochS when Utf8Text.TryParseDouble(field, out var seconds) && double.IsFinite(seconds):
                utcMs = (long)Math.Floor(seconds * 1000);
                return true;
            case TimeKind.EpochUs when Utf8Text.TryParseInt64(field, out var us):
                utcMs = Math.DivRem(us, 1000) is var (q, r) && r < 0 ? q - 1 : q;
                return true;
            case TimeKind.Iso when IsoTime.TryParse(field, out var clockMs, out var offsetMs):
                utcMs = offsetMs is { } offset ? clockMs - offset : _zone.ToUtc(clockMs);
                return true;
            case TimeKind.Iso: // other ISO shapes, and patterns, go through the general .NET parsers
            case TimeKind.Pattern:
                return TryParseText(field, out utcMs);
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseText(ReadOnlySpan<byte> field, out long utcMs)
    {
        utcMs = 0;
        Span<char> chars = stackalloc char[64];
        if (field.Length > chars.Length)
        {
            return false;
        }

        var length = Encoding.UTF8.GetChars(field, chars);
        var text = chars[..length];
        if (_timeKind == TimeKind.Iso)
        {
            var hasOffset = text.Length > 10 && (text[^1] is 'Z' or 'z' || text[10..].IndexOfAny('+', '-') >= 0);
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return false;
            }

            utcMs = hasOffset ? value.ToUnixTimeMilliseconds() : _zone.ToUtc(LocalMs(value.DateTime));
            return true;
        }

        if (!DateTime.TryParseExact(text, _columns.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        utcMs = _zone.ToUtc(LocalMs(local));
        return true;
    }

    private static long LocalMs(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
}
