namespace Finiex.Data.Store;

/// <summary>
/// Layout constants of a tick file (<c>ticks.fxt</c>); the format is documented in docs/tick-store.md.
/// All integers are little-endian; every column starts on a 64-byte boundary.
/// </summary>
internal static class TickFileFormat
{
    public const ushort Version = 1;
    public const int HeaderSize = 128;
    public const int Alignment = 64;
    public const int DefaultChunkTicks = 65_536;
    public const int SymbolBytes = 16;
    public const uint FlagHasVolumes = 1;

    public static ReadOnlySpan<byte> Magic => "FINIEXTK"u8;

    // Header field offsets.
    public const int VersionOffset = 8;
    public const int HeaderSizeOffset = 10;
    public const int FlagsOffset = 12;
    public const int CountOffset = 16;
    public const int FirstTimeOffset = 24;
    public const int LastTimeOffset = 32;
    public const int ChunkTicksOffset = 40;
    public const int ChunkCountOffset = 44;
    public const int TimesOffsetOffset = 48;
    public const int BidsOffsetOffset = 56;
    public const int AsksOffsetOffset = 64;
    public const int BidVolumesOffsetOffset = 72;
    public const int AskVolumesOffsetOffset = 80;
    public const int ChunkTableOffsetOffset = 88;
    public const int FileLengthOffset = 96;
    public const int SymbolOffset = 104;
    public const int HeaderChecksumOffset = 120;

    public static long Align(long offset) => (offset + Alignment - 1) / Alignment * Alignment;

    public static int ChunkCount(long ticks, int chunkTicks) => (int)((ticks + chunkTicks - 1) / chunkTicks);
}
