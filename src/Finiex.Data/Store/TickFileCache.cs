namespace Finiex.Data.Store;

/// <summary>
/// Keeps store tick files open (mapped, with their verified chunks remembered) for the life of a runner or a batch,
/// so consecutive scenarios on one symbol neither re-map the file nor re-hash its chunks. Thread-safe.
/// </summary>
public sealed class TickFileCache : IDisposable
{
    private readonly Dictionary<(string Path, long Ticks, DateTime Modified), TickFile> _files = [];
    private readonly object _gate = new();

    /// <summary>
    /// The open file at <paramref name="path"/>, checked to be the one a package was made from; a file replaced since
    /// (other length or time) is opened anew, and one overwritten in place is noticed through its fingerprint.
    /// </summary>
    /// <exception cref="Core.Ticks.TickDataChangedException">The file is not the package's any more.</exception>
    public TickFile Get(string path, long expectedTicks, ulong expectedFingerprint = 0)
    {
        var key = (Path.GetFullPath(path), expectedTicks, File.GetLastWriteTimeUtc(path));
        lock (_gate)
        {
            if (_files.TryGetValue(key, out var cached))
            {
                cached.EnsureIs(expectedTicks, expectedFingerprint);
                return cached;
            }

            var file = TickFile.OpenExpecting(path, expectedTicks, expectedFingerprint);
            _files[key] = file;
            return file;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var file in _files.Values)
            {
                file.Dispose();
            }

            _files.Clear();
        }
    }
}
