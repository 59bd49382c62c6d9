using Finiex.Contracts.Packages;
using Finiex.Data.Store;
using Finiex.Engine.Loop;

namespace Finiex.Orchestration.Execution;

/// <summary>A package's tick range read in place from the memory-mapped store file (checksums verified on first read).</summary>
public sealed class StoreTickData : ITickData
{
    private readonly TickFile _file;
    private readonly long _start;
    private readonly long _end;

    private StoreTickData(TickFile file, long start, long end)
    {
        _file = file;
        _start = start;
        _end = end;
    }

    public ReadOnlySpan<long> Times => _file.Times(_start, _end);

    public ReadOnlySpan<double> Bids => _file.Bids(_start, _end);

    public ReadOnlySpan<double> Asks => _file.Asks(_start, _end);

    /// <summary>Opens a package's tick source: the store range it names, or its inline columns.</summary>
    public static ITickData Open(TickSource source)
    {
        if (source.IsInline)
        {
            return new ArrayTickData(source.InlineTimes!, source.InlineBids!, source.InlineAsks!);
        }

        var file = TickFile.Open(source.TickFilePath ?? throw new InvalidOperationException("The package names no tick file."));
        if (file.Count != source.ExpectedFileTicks)
        {
            file.Dispose();
            throw new StoreCorruptException(source.TickFilePath, $"it holds {file.Count} ticks, but the package was made for {source.ExpectedFileTicks} (re-imported meanwhile?)");
        }

        var data = new StoreTickData(file, source.StartIndex, source.EndIndex);
        file.VerifyRange(source.StartIndex, source.EndIndex);
        return data;
    }

    public void Dispose() => _file.Dispose();
}
