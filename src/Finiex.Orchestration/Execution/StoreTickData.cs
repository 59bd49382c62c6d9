using Finiex.Contracts.Packages;
using Finiex.Core.Ticks;
using Finiex.Data.Store;

namespace Finiex.Orchestration.Execution;

/// <summary>Opens a package's ticks: the store range it references, mapped in place, or its inline columns.</summary>
public static class StoreTickData
{
    public static ITickData Open(TickSource source) =>
        source.IsInline
            ? new ArrayTickData(source.InlineTimes!, source.InlineBids!, source.InlineAsks!)
            : StoreTickRange.Open(source.TickFilePath ?? throw new InvalidOperationException("The package names no tick file."),
                source.StartIndex, source.EndIndex, source.ExpectedFileTicks);
}
