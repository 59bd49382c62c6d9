using Finiex.Core.Ticks;

namespace Finiex.Data.Store;

/// <summary>A range of a store tick file, read in place through the memory map; the chunks it covers are verified on open.</summary>
public sealed class StoreTickRange : ITickData
{
    private readonly TickFile _file;
    private readonly long _start;
    private readonly long _end;
    private readonly bool _ownsFile;

    private StoreTickRange(TickFile file, long start, long end, bool ownsFile)
    {
        _file = file;
        _start = start;
        _end = end;
        _ownsFile = ownsFile;
    }

    public ReadOnlySpan<long> Times => _file.Times(_start, _end);

    public ReadOnlySpan<double> Bids => _file.Bids(_start, _end);

    public ReadOnlySpan<double> Asks => _file.Asks(_start, _end);

    /// <summary>Maps ticks [start, end) of <paramref name="path"/>, refusing a file whose tick count is not the expected one.</summary>
    public static StoreTickRange Open(string path, long start, long end, long expectedFileTicks)
    {
        var file = TickFile.OpenExpecting(path, expectedFileTicks);
        try
        {
            file.VerifyRange(start, end);
            return new StoreTickRange(file, start, end, ownsFile: true);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Maps ticks [start, end) through a file kept open by <paramref name="cache"/> (verified chunks are remembered).</summary>
    public static StoreTickRange Open(TickFileCache cache, string path, long start, long end, long expectedFileTicks)
    {
        var file = cache.Get(path, expectedFileTicks);
        file.VerifyRange(start, end);
        return new StoreTickRange(file, start, end, ownsFile: false);
    }

    public void Dispose()
    {
        if (_ownsFile)
        {
            _file.Dispose();
        }
    }
}
