using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using static Finiex.Data.Tests.Import.ImportHelpers;

namespace Finiex.Data.Tests.Store;

/// <summary>Imports of one symbol started together take turns: none loses the other's ticks.</summary>
public sealed class ConcurrentImportTests
{
    [Fact(Timeout = 120_000)]
    public async Task Two_imports_of_one_symbol_at_once_keep_both()
    {
        var reader = new LeanZipReader(DataTimeZone.Parse("UTC-05"));
        var expected = LeanRows(TestPaths.FxcmEurUsd("20140505")).Count + LeanRows(TestPaths.FxcmEurUsd("20140506")).Count;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var temp = new TempDirectory();
            var store = new TickStore(temp.Path);
            var waits = 0;
            using var start = new Barrier(2);
            Task<ImportResult> Import(string day) => Task.Run(() =>
            {
                start.SignalAndWait();
                return new TickImporter(store).Import(new ImportRequest
                {
                    Symbol = "EURUSD",
                    Paths = [TestPaths.FxcmEurUsd(day)],
                    Reader = reader,
                    Waiting = _ => Interlocked.Increment(ref waits),
                });
            });

            var results = await Task.WhenAll(Import("20140505"), Import("20140506"));

            Assert.All(results, r => Assert.True(r.Succeeded, r.FailureReason));
            Assert.Equal(expected, store.ReadManifest("EURUSD").TickCount);
            using var file = store.OpenTicks("EURUSD");
            file.VerifyAll();
            Assert.Equal(expected, file.Count);
        }
    }

    [Fact]
    public void A_writer_that_cannot_get_the_lock_in_time_is_refused_with_the_holder_named()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);
        using var held = SymbolLock.Acquire(store, "EURUSD", TimeSpan.Zero);
        string? told = null;

        var ex = Assert.Throws<SymbolLockedException>(() => new TickImporter(store).Import(new ImportRequest
        {
            Symbol = "EURUSD",
            Paths = [TestPaths.FxcmEurUsd("20140505")],
            Reader = new LeanZipReader(DataTimeZone.Parse("UTC-05")),
            LockWait = TimeSpan.FromMilliseconds(300),
            Waiting = message => told = message,
        }));

        Assert.Contains($"pid {Environment.ProcessId}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Try again", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(told);
        Assert.False(store.Contains("EURUSD"));
    }
}
