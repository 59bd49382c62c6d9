using MessagePack;

namespace Finiex.Contracts.Packages;

/// <summary>
/// A store range's ticks carried in a run request, for runners that cannot see the store (another node without a shared
/// filesystem, or <c>--ship-ticks</c>): the columns packed and compressed (see <c>ShippedTickCodec</c>), named by the
/// file, range and fingerprint the packages reference, so that packages and fusion stay the same as with a shared store.
/// </summary>
[MessagePackObject]
public sealed record ShippedTicks
{
    [Key(0)] public required string TickFilePath { get; init; }
    [Key(1)] public long StartIndex { get; init; }
    [Key(2)] public long EndIndex { get; init; }
    [Key(3)] public ulong Fingerprint { get; init; }
    [Key(4)] public required byte[] Columns { get; init; }

    /// <summary>Whether a package's ticks are these.</summary>
    public bool Serves(TickSource source) =>
        source.TickFilePath == TickFilePath && source.StartIndex == StartIndex && source.EndIndex == EndIndex && source.ExpectedFileFingerprint == Fingerprint;
}
