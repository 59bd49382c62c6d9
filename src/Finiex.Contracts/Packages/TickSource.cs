using MessagePack;

namespace Finiex.Contracts.Packages;

/// <summary>
/// Where the scenario's ticks are: a range [StartIndex, EndIndex) of a store tick file, mapped by the runner in place,
/// or (for runners that cannot see the store) the ticks themselves as columns.
/// </summary>
[MessagePackObject]
public sealed record TickSource
{
    [Key(0)] public string? TickFilePath { get; init; }
    [Key(1)] public long StartIndex { get; init; }
    [Key(2)] public long EndIndex { get; init; }
    /// <summary>The tick count the file had when the package was made; a different file is refused.</summary>
    [Key(3)] public long ExpectedFileTicks { get; init; }
    [Key(4)] public long[]? InlineTimes { get; init; }
    [Key(5)] public double[]? InlineBids { get; init; }
    [Key(6)] public double[]? InlineAsks { get; init; }
    /// <summary>The store file's fingerprint when the package was made (0: not checked); a file with other content is refused.</summary>
    [Key(7)] public ulong ExpectedFileFingerprint { get; init; }

    [IgnoreMember]
    public bool IsInline => InlineTimes is not null;

    [IgnoreMember]
    public long Count => IsInline ? InlineTimes!.Length : EndIndex - StartIndex;
}
