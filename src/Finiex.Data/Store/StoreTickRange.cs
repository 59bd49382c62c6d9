using Finiex.Core.Ticks;

namespace Finiex.Data.Store;

/// <summary>A range of a store tick file, read in place through the memory map; the chunks it covers are verified on open.</summary>
public sealed class StoreTickRange : ITickData
{
    private readonly TickFile _file;
    private readonly long _start;
    private readonly long _end;
    private readonly bool _ownsFile;
    private readonly ulong _fingerprint;

    private StoreTickRange(TickFile file, long start, long end, bool ownsFile)
    {
        _file = file;
        _start = start;
        _end = end;
        _ownsFile = ownsFile;
        _fingerprint = file.Fingerprint();
    }

    public ReadOnlySpan<long> Times => _file.Times(_start, _end);

    public ReadOnlySpan<double> Bids => _file.Bids(_start, _end);

    public ReadOnlySpan<double> Asks => _file.Asks(_start, _end);

    /// <summary>Maps ticks [start, end) of <paramref name="path"/>, refusing a file whose tick count is not the expected one.</summary>
    public static StoreTickRange Open(string path, long start, long end, long expectedFileTicks, ulong expectedFingerprint = 0)
    {
        var file = TickFile.OpenExpecting(path, expectedFileTicks, expectedFingerprint);
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
    public static StoreTickRange Open(TickFileCache cache, string path, long start, long end, long expectedFileTicks, ulong expectedFingerprint = 0)
    {
        var file = cache.Get(path, expectedFileTicks, expectedFingerprint);
        file.VerifyRange(start, end);
        return new StoreTickRange(file, start, end, ownsFile: false);
    }

    /// <summary>The mapped file's chunk table (which covers every tick) must be what it was when the range was opened.</summary>
    public void EnsureUnchanged()
    {
        if (_file.Fingerprint() != _fingerprint)
        {
            throw new TickDataChangedException(_file.Path, "it was overwritten in place while the scenario ran");
        }
    }

    public void Dispose()
    {
        if (_ownsFile)
        {
            _file.Dispose();
        }
    }
}
