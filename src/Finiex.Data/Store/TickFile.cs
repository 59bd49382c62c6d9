using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using System.Text;
using Finiex.Core.Ticks;

namespace Finiex.Data.Store;

/// <summary>
/// A read-only, memory-mapped tick file. Columns are exposed as spans over the mapping, without copying.
/// The header is checked on open; each chunk's checksum is checked the first time a range touches it,
/// so a corrupt file never yields ticks.
/// </summary>
public sealed unsafe class TickFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _base;
    private readonly TickFileLayout _layout;
    private readonly bool[] _chunkVerified;
    private bool _disposed;

    private TickFile(string path, string symbol, TickFileLayout layout, MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* basePointer)
    {
        Path = path;
        Symbol = symbol;
        _layout = layout;
        _map = map;
        _view = view;
        _base = basePointer;
        _chunkVerified = new bool[layout.ChunkCount];
    }

    public string Path { get; }

    public string Symbol { get; }

    public long Count => _layout.Count;

    public bool HasVolumes => _layout.HasVolumes;

    public long FirstTime => Count == 0 ? 0 : Times(0, 1)[0];

    public long LastTime => Count == 0 ? 0 : Times(Count - 1, Count)[0];

    /// <summary>Opens and checks the header, length and column layout. Chunks are verified lazily.</summary>
    public static TickFile Open(string path)
    {
        var length = new FileInfo(path).Length;
        if (length < TickFileFormat.HeaderSize)
        {
            throw new StoreCorruptException(path, $"file is {length} bytes, shorter than the {TickFileFormat.HeaderSize}-byte header (truncated)");
        }

        var header = new byte[TickFileFormat.HeaderSize];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadExactly(header);
        }

        var (symbol, layout) = ParseHeader(path, header, length);
        if (layout.Count == 0)
        {
            return new TickFile(path, symbol, layout, null, null, null);
        }

        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new TickFile(path, symbol, layout, map, view, pointer + view.PointerOffset);
        }
        catch
        {
            view?.Dispose();
            map.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the file a package was made from: it must hold exactly <paramref name="expectedTicks"/> ticks and, when
    /// <paramref name="expectedFingerprint"/> is not 0, have that <see cref="Fingerprint"/>.
    /// </summary>
    /// <exception cref="TickDataChangedException">The file is another one now (re-imported or overwritten).</exception>
    public static TickFile OpenExpecting(string path, long expectedTicks, ulong expectedFingerprint = 0)
    {
        var file = Open(path);
        try
        {
            file.EnsureIs(expectedTicks, expectedFingerprint);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Identifies the file's content: a hash of its header fields and chunk checksum table (which covers every tick), read
    /// through the map, so an overwrite in place shows. Cheap: 8 bytes per 64 Ki ticks.
    /// </summary>
    public ulong Fingerprint()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var hash = new XxHash64();
        Span<byte> count = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(count, Count);
        hash.Append(count);
        if (_base is not null)
        {
            hash.Append(new ReadOnlySpan<byte>(_base + _layout.ChunkTableOffset, checked(_layout.ChunkCount * 8)));
        }

        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>Throws <see cref="TickDataChangedException"/> unless this is the file a package was made from.</summary>
    public void EnsureIs(long expectedTicks, ulong expectedFingerprint)
    {
        if (Count != expectedTicks)
        {
            throw new TickDataChangedException(Path, $"it holds {Count:N0} ticks, the batch was prepared for {expectedTicks:N0}");
        }

        if (expectedFingerprint != 0 && Fingerprint() != expectedFingerprint)
        {
            throw new TickDataChangedException(Path, "same tick count, other content");
        }
    }

    public ReadOnlySpan<long> Times(long start, long end) => Column<long>(_layout.TimesOffset, start, end);

    public ReadOnlySpan<double> Bids(long start, long end) => Column<double>(_layout.BidsOffset, start, end);

    public ReadOnlySpan<double> Asks(long start, long end) => Column<double>(_layout.AsksOffset, start, end);

    public ReadOnlySpan<double> BidVolumes(long start, long end) =>
        HasVolumes ? Column<double>(_layout.BidVolumesOffset, start, end) : default;

    public ReadOnlySpan<double> AskVolumes(long start, long end) =>
        HasVolumes ? Column<double>(_layout.AskVolumesOffset, start, end) : default;

    /// <summary>Index of the first tick with time ≥ <paramref name="time"/> (Count when none). Reads no checksums.</summary>
    public long LowerBound(long time) => TickTimes.LowerBound(RawColumn<long>(_layout.TimesOffset, 0, Count), time);

    /// <summary>Verifies every chunk; throws <see cref="StoreCorruptException"/> on the first mismatch.</summary>
    public void VerifyAll() => VerifyRange(0, Count);

    /// <summary>Verifies the chunks covering ticks [start, end) that have not been verified yet.</summary>
    public void VerifyRange(long start, long end)
    {
        if (start >= end)
        {
            return;
        }

        var first = (int)(start / _layout.ChunkTicks);
        var last = (int)((end - 1) / _layout.ChunkTicks);
        for (var chunk = first; chunk <= last; chunk++)
        {
            if (_chunkVerified[chunk])
            {
                continue;
            }

            var chunkStart = (long)chunk * _layout.ChunkTicks;
            var chunkEnd = Math.Min(Count, chunkStart + _layout.ChunkTicks);
            var actual = TickFileWriter.ChunkChecksum(
                RawColumn<long>(_layout.TimesOffset, chunkStart, chunkEnd),
                RawColumn<double>(_layout.BidsOffset, chunkStart, chunkEnd),
                RawColumn<double>(_layout.AsksOffset, chunkStart, chunkEnd),
                HasVolumes ? RawColumn<double>(_layout.BidVolumesOffset, chunkStart, chunkEnd) : default,
                HasVolumes ? RawColumn<double>(_layout.AskVolumesOffset, chunkStart, chunkEnd) : default);
            var expected = BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(_base + _layout.ChunkTableOffset + (chunk * 8L), 8));
            if (actual != expected)
            {
                throw new StoreCorruptException(Path, $"checksum mismatch in chunk {chunk} (ticks {chunkStart}..{chunkEnd - 1})");
            }

            _chunkVerified[chunk] = true;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _map?.Dispose();
    }

    private ReadOnlySpan<T> Column<T>(long offset, long start, long end)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (start < 0 || end > Count || start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Range [{start}, {end}) is outside the file's {Count} ticks.");
        }

        VerifyRange(start, end);
        return RawColumn<T>(offset, start, end);
    }

    private ReadOnlySpan<T> RawColumn<T>(long offset, long start, long end)
        where T : unmanaged =>
        end == start ? default : new ReadOnlySpan<T>(_base + offset + (start * sizeof(T)), checked((int)(end - start)));

    private static (string Symbol, TickFileLayout Layout) ParseHeader(string path, ReadOnlySpan<byte> header, long length)
    {
        if (!header[..8].SequenceEqual(TickFileFormat.Magic))
        {
            throw new StoreCorruptException(path, "not a Finiex tick file (wrong magic bytes)");
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(header[TickFileFormat.VersionOffset..]);
        if (version != TickFileFormat.Version)
        {
            throw new StoreCorruptException(path, $"format version {version} is not supported (this build reads version {TickFileFormat.Version})");
        }

        var storedChecksum = BinaryPrimitives.ReadUInt64LittleEndian(header[TickFileFormat.HeaderChecksumOffset..]);
        if (storedChecksum != XxHash64.HashToUInt64(header[..TickFileFormat.HeaderChecksumOffset]))
        {
            throw new StoreCorruptException(path, "header checksum mismatch");
        }

        var h = header.ToArray();
        long Int64(int offset) => BinaryPrimitives.ReadInt64LittleEndian(h.AsSpan(offset));
        var count = Int64(TickFileFormat.CountOffset);
        var chunkTicks = BinaryPrimitives.ReadInt32LittleEndian(header[TickFileFormat.ChunkTicksOffset..]);
        var hasVolumes = (BinaryPrimitives.ReadUInt32LittleEndian(header[TickFileFormat.FlagsOffset..]) & TickFileFormat.FlagHasVolumes) != 0;
        if (count < 0 || chunkTicks <= 0)
        {
            throw new StoreCorruptException(path, "header holds an impossible tick count or chunk size");
        }

        var expected = TickFileLayout.For(count, hasVolumes, chunkTicks);
        var stored = new TickFileLayout(count, chunkTicks,
            BinaryPrimitives.ReadInt32LittleEndian(header[TickFileFormat.ChunkCountOffset..]),
            Int64(TickFileFormat.TimesOffsetOffset), Int64(TickFileFormat.BidsOffsetOffset), Int64(TickFileFormat.AsksOffsetOffset),
            Int64(TickFileFormat.BidVolumesOffsetOffset), Int64(TickFileFormat.AskVolumesOffsetOffset),
            Int64(TickFileFormat.ChunkTableOffsetOffset), Int64(TickFileFormat.FileLengthOffset));
        if (stored != expected)
        {
            throw new StoreCorruptException(path, "column layout in the header does not match its tick count");
        }

        if (length != expected.FileLength)
        {
            throw new StoreCorruptException(path, $"file is {length} bytes but its header says {expected.FileLength} (truncated or padded)");
        }

        var symbol = Encoding.ASCII.GetString(header.Slice(TickFileFormat.SymbolOffset, TickFileFormat.SymbolBytes)).TrimEnd('\0');
        return (symbol, expected);
    }
}
