using System.Buffers.Binary;
using System.Text.RegularExpressions;
using SharpCompress.Compressors.LZMA;

namespace Finiex.Data.Import.Formats;

/// <summary>
/// Dukascopy hourly tick files <c>.../YYYY/MM/DD/HHh_ticks.bi5</c> (the month folder is 0-based):
/// LZMA-compressed 20-byte big-endian records <c>u32 ms_from_hour, u32 ask, u32 bid, f32 ask_volume, f32 bid_volume</c>.
/// Prices are integers in points; each is divided by 1/point, which gives the nearest double to the decimal price.
/// </summary>
public sealed partial class DukascopyBi5Reader : ITickSourceReader
{
    private const int RecordSize = 20;
    private const int LzmaHeaderSize = 13;
    private readonly double _pointsPerUnit;

    public DukascopyBi5Reader(double point)
    {
        if (!(point > 0 && point < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(point), "A Dukascopy point is a positive fraction such as 0.00001 or 0.001.");
        }

        _pointsPerUnit = Math.Round(1 / point);
        Point = point;
    }

    public double Point { get; }

    public string Format => "dukascopy";

    public bool HasVolumes => true;

    public string LocationUnit => "record";

    /// <summary>The usual Dukascopy point: 0.001 for JPY quotes, 0.00001 otherwise.</summary>
    public static double DefaultPoint(string symbol) =>
        symbol.EndsWith("JPY", StringComparison.OrdinalIgnoreCase) ? 0.001 : 0.00001;

    public bool Accepts(string path) => PathPattern().IsMatch(path.Replace('\\', '/'));

    public void Read(string path, ImportSink sink, CancellationToken cancellationToken)
    {
        var match = PathPattern().Match(path.Replace('\\', '/'));
        if (!match.Success)
        {
            throw new ImportException($"{path}: a Dukascopy tick file lives at .../YYYY/MM/DD/HHh_ticks.bi5 (month 00 = January); the hour comes from the path.");
        }

        int Part(string name) => int.Parse(match.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset hourStart;
        try
        {
            hourStart = new DateTimeOffset(Part("y"), Part("m") + 1, Part("d"), Part("h"), 0, 0, TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ImportException($"{path}: the path does not name a real hour (remember the month folder is 0-based).");
        }

        var data = Decompress(path, File.ReadAllBytes(path));
        var hourMs = hourStart.ToUnixTimeMilliseconds();
        var records = data.Length / RecordSize;
        for (var i = 0; i < records; i++)
        {
            var record = data.AsSpan(i * RecordSize, RecordSize);
            var ms = BinaryPrimitives.ReadUInt32BigEndian(record);
            var ask = BinaryPrimitives.ReadUInt32BigEndian(record[4..]) / _pointsPerUnit;
            var bid = BinaryPrimitives.ReadUInt32BigEndian(record[8..]) / _pointsPerUnit;
            var askVolume = BinaryPrimitives.ReadSingleBigEndian(record[12..]);
            var bidVolume = BinaryPrimitives.ReadSingleBigEndian(record[16..]);
            if (ms >= 3_600_000)
            {
                sink.AddInvalid(i + 1, "time beyond the file's hour");
                continue;
            }

            sink.AddTick(i + 1, hourMs + ms, bid, ask, bidVolume, askVolume);
        }

        if (data.Length % RecordSize != 0)
        {
            sink.AddInvalid(records + 1, "truncated record at the end of the file");
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static byte[] Decompress(string path, byte[] compressed)
    {
        if (compressed.Length == 0)
        {
            return []; // Dukascopy writes empty files for hours without ticks.
        }

        if (compressed.Length < LzmaHeaderSize)
        {
            throw new ImportException($"{path}: {compressed.Length} bytes is too short for an LZMA stream (truncated download?).");
        }

        var properties = compressed[..5];
        var size = BinaryPrimitives.ReadInt64LittleEndian(compressed.AsSpan(5, 8));
        try
        {
            using var input = new MemoryStream(compressed, LzmaHeaderSize, compressed.Length - LzmaHeaderSize);
            using var lzma = LzmaStream.Create(properties, input, compressed.Length - LzmaHeaderSize, size, false);
            using var output = new MemoryStream(size > 0 ? (int)size : 1 << 16);
            lzma.CopyTo(output);
            if (size > 0 && output.Length != size)
            {
                throw new InvalidDataException($"expected {size} bytes, got {output.Length}");
            }

            return output.ToArray();
        }
        catch (Exception ex) when (ex is not ImportException and not OutOfMemoryException)
        {
            throw new ImportException($"{path}: the LZMA data is corrupt ({ex.Message}); download the hour again.", ex);
        }
    }

    [GeneratedRegex(@"(?<y>\d{4})/(?<m>\d{2})/(?<d>\d{2})/(?<h>\d{2})h_ticks\.bi5$", RegexOptions.IgnoreCase)]
    private static partial Regex PathPattern();
}
