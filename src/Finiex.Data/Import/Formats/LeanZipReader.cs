using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Finiex.Sdk.Time;

namespace Finiex.Data.Import.Formats;

/// <summary>
/// QuantConnect LEAN tick quote files: <c>YYYYMMDD_quote.zip</c> holding one headerless CSV
/// <c>ms_since_midnight,bid,ask</c>. The milliseconds count from local midnight in the data's zone and may
/// carry a fraction, which is dropped (times are whole milliseconds).
/// </summary>
public sealed partial class LeanZipReader(DataTimeZone zone) : ITickSourceReader
{
    public string Format => "lean";

    public bool HasVolumes => false;

    public bool Accepts(string path) => FileNamePattern().IsMatch(Path.GetFileName(path));

    // Fully optimised from the first call: an import calls this once per file, too few times for tiering to reach its loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Read(string path, ImportSink sink, CancellationToken cancellationToken)
    {
        var match = FileNamePattern().Match(Path.GetFileName(path));
        if (!match.Success || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ImportException($"{path}: a LEAN tick file is named YYYYMMDD_quote.zip (the date comes from the name); rename it or use another --format.");
        }

        byte[] content;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.Entries.FirstOrDefault(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                        ?? throw new ImportException($"{path}: the zip holds no .csv entry.");
            content = new byte[entry.Length];
            using (var stream = entry.Open())
            {
                stream.ReadExactly(content);
            }

            // The archive's own check: a damaged byte can inflate into plausible but wrong rows.
            var crc = System.IO.Hashing.Crc32.HashToUInt32(content);
            if (crc != entry.Crc32)
            {
                throw new ImportException($"{path}: the zip entry {entry.FullName} fails its CRC-32 check (stored {entry.Crc32:x8}, read {crc:x8}): the file is damaged. Fetch it again.");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ImportException($"{path}: not a readable zip file ({ex.Message}).", ex);
        }

        var localMidnight = UtcTime.FromDate(date);
        ReadOnlySpan<byte> rest = Utf8Text.SkipBom(content);
        long line = 0;
        while (!rest.IsEmpty)
        {
            if ((line & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            line++;
            var text = Utf8Text.NextLine(ref rest);
            if (text.IsEmpty)
            {
                continue;
            }

            var msField = Utf8Text.NextField(ref text, (byte)',');
            var bidField = Utf8Text.NextField(ref text, (byte)',');
            var askField = Utf8Text.NextField(ref text, (byte)',');
            if (!Utf8Text.TryParseDouble(msField, out var ms) || !double.IsFinite(ms) || ms < 0 || ms >= UtcTime.MsPerDay + 3_600_000)
            {
                sink.AddInvalid(line, "unparsable or out-of-range time");
                continue;
            }

            if (!Utf8Text.TryParseDouble(bidField, out var bid))
            {
                sink.AddInvalid(line, "unparsable bid");
                continue;
            }

            if (!Utf8Text.TryParseDouble(askField, out var ask))
            {
                sink.AddInvalid(line, "unparsable ask");
                continue;
            }

            sink.AddTick(line, zone.ToUtc(localMidnight + (long)Math.Floor(ms)), bid, ask);
        }
    }

    [GeneratedRegex(@"^(?<date>\d{8})_[A-Za-z0-9_]*\.zip$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();
}
