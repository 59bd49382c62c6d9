using Finiex.Contracts.Packages;
using Finiex.Core.Ticks;

namespace Finiex.Data.Store;

/// <summary>
/// Opens a package's ticks: the store range it references, mapped in place, or its inline columns. Used by in-process
/// slots and by the runner alike.
/// </summary>
public static class StoreTickData
{
    public static ITickData Open(TickSource source) => Open(source, cache: null);

    /// <summary>With a <paramref name="cache"/>, store files stay mapped across scenarios (no re-mapping, no re-hashing).</summary>
    public static ITickData Open(TickSource source, TickFileCache? cache)
    {
        if (source.IsInline)
        {
            return new ArrayTickData(source.InlineTimes!, source.InlineBids!, source.InlineAsks!);
        }

        var path = source.TickFilePath ?? throw new InvalidOperationException("The package names no tick file.");
        return cache is null
            ? StoreTickRange.Open(path, source.StartIndex, source.EndIndex, source.ExpectedFileTicks, source.ExpectedFileFingerprint)
            : StoreTickRange.Open(cache, path, source.StartIndex, source.EndIndex, source.ExpectedFileTicks, source.ExpectedFileFingerprint);
    }
}
