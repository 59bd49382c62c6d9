using Finiex.Core.Ticks;
using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using static Finiex.Data.Tests.Import.ImportHelpers;

namespace Finiex.Data.Tests.Store;

/// <summary>
/// A store file overwritten or replaced while a batch uses it is noticed: a scenario never reads other ticks than the
/// ones its package was prepared from and calls it completed.
/// </summary>
public sealed class ChangedStoreTests
{
    [Fact]
    public void A_file_overwritten_in_place_under_an_open_range_is_noticed()
    {
        using var temp = new TempDirectory();
        var (path, fingerprint, count, other) = TwoFiles(temp);
        using var range = StoreTickRange.Open(path, 0, count, count, fingerprint);
        range.EnsureUnchanged();

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) // in place: same inode, as cp does
        {
            stream.Write(File.ReadAllBytes(other));
            stream.SetLength(stream.Position);
        }

        var ex = Assert.Throws<TickDataChangedException>(range.EnsureUnchanged);
        Assert.Contains("overwritten in place", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cached_file_replaced_or_overwritten_since_the_package_was_made_is_refused()
    {
        using var temp = new TempDirectory();
        var (path, fingerprint, count, other) = TwoFiles(temp);
        using var cache = new TickFileCache();
        using (StoreTickRange.Open(cache, path, 0, count, count, fingerprint))
        {
        }

        File.Copy(other, path + ".new");
        File.Move(path + ".new", path, overwrite: true); // replaced as a re-import does: a new file renamed over it
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        Assert.Throws<TickDataChangedException>(() => StoreTickRange.Open(cache, path, 0, 10, count, fingerprint));
        Assert.Throws<TickDataChangedException>(() => StoreTickRange.Open(path, 0, 10, count, fingerprint));
    }

    [Fact]
    public void Same_tick_count_other_content_is_refused_by_the_fingerprint()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);
        ImportInto(store, new LeanZipReader(DataTimeZone.Parse("UTC-05")), "EURUSD", TestPaths.FxcmEurUsd("20140504"));
        var path = store.TickFilePath("EURUSD");
        ulong fingerprint;
        long count;
        using (var file = TickFile.Open(path))
        {
            (fingerprint, count) = (file.Fingerprint(), file.Count);
        }

        var original = store.LoadAll("EURUSD");
        var changed = new Finiex.Data.Ticks.TickColumns(original.HasVolumes, original.Count);
        for (var i = 0; i < original.Count; i++)
        {
            changed.Add(original.Times[i], original.Bids[i] + (i == original.Count - 1 ? 0.0001 : 0), original.Asks[i], 0, 0); // one tick changed
        }

        TickFileWriter.Write(path, "EURUSD", changed);

        var ex = Assert.Throws<TickDataChangedException>(() => TickFile.OpenExpecting(path, count, fingerprint));
        Assert.Contains("same tick count, other content", ex.Message, StringComparison.Ordinal);
    }

    private static (string Path, ulong Fingerprint, long Count, string Other) TwoFiles(TempDirectory temp)
    {
        var store = new TickStore(temp.File("a"));
        ImportInto(store, new LeanZipReader(DataTimeZone.Parse("UTC-05")), "EURUSD", TestPaths.FxcmEurUsd("20140505"));
        var otherStore = new TickStore(temp.File("b"));
        ImportInto(otherStore, new LeanZipReader(DataTimeZone.Parse("UTC-05")), "EURUSD", TestPaths.FxcmEurUsd("20140506"));
        using var file = TickFile.Open(store.TickFilePath("EURUSD"));
        return (store.TickFilePath("EURUSD"), file.Fingerprint(), file.Count, otherStore.TickFilePath("EURUSD"));
    }
}
