using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Finiex.Data.Ticks;

namespace Finiex.Data.Store;

/// <summary>Writes a tick file atomically: to a temporary file beside the target, then renamed over it.</summary>
public static class TickFileWriter
{
    public static void Write(string path, string symbol, TickColumns ticks, int chunkTicks = TickFileFormat.DefaultChunkTicks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkTicks, 1);
        var layout = TickFileLayout.For(ticks.Count, ticks.HasVolumes, chunkTicks);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                stream.Write(BuildHeader(symbol, ticks, layout));
                WriteColumn(stream, layout.TimesOffset, MemoryMarshal.AsBytes(ticks.Times));
                WriteColumn(stream, layout.BidsOffset, MemoryMarshal.AsBytes(ticks.Bids));
                WriteColumn(stream, layout.AsksOffset, MemoryMarshal.AsBytes(ticks.Asks));
                if (layout.HasVolumes)
                {
                    WriteColumn(stream, layout.BidVolumesOffset, MemoryMarshal.AsBytes(ticks.BidVolumes));
                    WriteColumn(stream, layout.AskVolumesOffset, MemoryMarshal.AsBytes(ticks.AskVolumes));
                }

                Pad(stream, layout.ChunkTableOffset);
                Span<byte> entry = stackalloc byte[8];
                for (var chunk = 0; chunk < layout.ChunkCount; chunk++)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(entry, ChunkChecksum(ticks, chunk, chunkTicks));
                    stream.Write(entry);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The checksum of one chunk: XxHash64 over the chunk's slice of every column, in file order.</summary>
    internal static ulong ChunkChecksum(ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks,
        ReadOnlySpan<double> bidVolumes, ReadOnlySpan<double> askVolumes)
    {
        var hash = new XxHash64();
        hash.Append(MemoryMarshal.AsBytes(times));
        hash.Append(MemoryMarshal.AsBytes(bids));
        hash.Append(MemoryMarshal.AsBytes(asks));
        if (!bidVolumes.IsEmpty)
        {
            hash.Append(MemoryMarshal.AsBytes(bidVolumes));
            hash.Append(MemoryMarshal.AsBytes(askVolumes));
        }

        return hash.GetCurrentHashAsUInt64();
    }

    private static ulong ChunkChecksum(TickColumns ticks, int chunk, int chunkTicks)
    {
        var start = chunk * chunkTicks;
        var length = Math.Min(chunkTicks, ticks.Count - start);
        return ChunkChecksum(ticks.Times.Slice(start, length), ticks.Bids.Slice(start, length), ticks.Asks.Slice(start, length),
            ticks.HasVolumes ? ticks.BidVolumes.Slice(start, length) : default,
            ticks.HasVolumes ? ticks.AskVolumes.Slice(start, length) : default);
    }

    private static byte[] BuildHeader(string symbol, TickColumns ticks, TickFileLayout layout)
    {
        var header = new byte[TickFileFormat.HeaderSize];
        var span = header.AsSpan();
        TickFileFormat.Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[TickFileFormat.VersionOffset..], TickFileFormat.Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[TickFileFormat.HeaderSizeOffset..], TickFileFormat.HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[TickFileFormat.FlagsOffset..], layout.HasVolumes ? TickFileFormat.FlagHasVolumes : 0);
        BinaryPrimitives.WriteInt64LittleEndian(span[TickFileFormat.CountOffset..], layout.Count);
        BinaryPrimitives.WriteInt64LittleEndian(span[TickFileFormat.FirstTimeOffset..], ticks.Count > 0 ? ticks.Times[0] : 0);
        BinaryPrimitives.WriteInt64LittleEndian(span[TickFileFormat.LastTimeOffset..], ticks.Count > 0 ? ticks.Times[^1] : 0);
        BinaryPrimitives.WriteInt32LittleEndian(span[TickFileFormat.ChunkTicksOffset..], layout.ChunkTicks);
        BinaryPrimitives.WriteInt32LittleEndian(span[TickFileFormat.ChunkCountOffset..], layout.ChunkCount);
        BinaryPrimitives.WriteInt64LittleEndian(span[TickFileFormat.TimesOffsetOffset..], layout.TimesOffset);
        BinaryPrimitives.WriteInt64LittleEndian(span[TickFileFormat.BidsOffsetOffset..], layout.BidsOffset);
        BinaryPrimitives.WriteInt64LittleEndian(span[TickFileFormat.AsksOffsetOffset..], layout.AsksOffset);
        BinaryPrimitives.WriteInt64LittleEndian(span[TickFileFormat.BidVolumesOffsetOffset..], layout.BidVolumesOffset);
        BinaryPrimitives.WriteInt64LittleEndian(span[TickFileFormat.AskVolumesOffsetOffset..], layout.AskVolumesOffset);
        BinaryPrimitives.WriteInt64LittleEndian(span[TickFileFormat.ChunkTableOffsetOffset..], layout.ChunkTableOffset);
        BinaryPrimitives.WriteInt64LittleEndian(span[TickFileFormat.FileLengthOffset..], layout.FileLength);
        var symbolBytes = Encoding.ASCII.GetBytes(symbol);
        if (symbolBytes.Length > TickFileFormat.SymbolBytes)
        {
            throw new ArgumentException($"Symbol '{symbol}' is longer than {TickFileFormat.SymbolBytes} characters.", nameof(symbol));
        }

        symbolBytes.CopyTo(span[TickFileFormat.SymbolOffset..]);
        BinaryPrimitives.WriteUInt64LittleEndian(span[TickFileFormat.HeaderChecksumOffset..],
            XxHash64.HashToUInt64(span[..TickFileFormat.HeaderChecksumOffset]));
        return header;
    }

    private static void WriteColumn(FileStream stream, long offset, ReadOnlySpan<byte> bytes)
    {
        Pad(stream, offset);
        stream.Write(bytes);
    }

    private static void Pad(FileStream stream, long offset)
    {
        while (stream.Position < offset)
        {
            stream.WriteByte(0);
        }
    }
}
