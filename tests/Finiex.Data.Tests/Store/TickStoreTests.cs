using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using static Finiex.Data.Tests.Import.ImportHelpers;

namespace Finiex.Data.Tests.Store;

public sealed class TickStoreTests
{
    [Fact]
    public void A_tick_file_that_disagrees_with_its_manifest_is_reported()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);
        ImportInto(store, new LeanZipReader(DataTimeZone.Parse("UTC-05")), "EURUSD", TestPaths.FxcmEurUsd("20140504"));
        var other = new TickStore(temp.File("other"));
        ImportInto(other, new LeanZipReader(DataTimeZone.Parse("UTC-05")), "EURUSD", TestPaths.FxcmEurUsd("20140511"));
        File.Copy(other.TickFilePath("EURUSD"), store.TickFilePath("EURUSD"), overwrite: true);

        var ex = Assert.Throws<StoreCorruptException>(() => store.OpenTicks("EURUSD"));
        Assert.Contains(store.TickFilePath("EURUSD"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_manifest_names_its_path()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);
        Directory.CreateDirectory(store.SymbolDirectory("EURUSD"));
        File.WriteAllText(store.ManifestPath("EURUSD"), "{ not json");

        var ex = Assert.Throws<StoreCorruptException>(() => store.ReadManifest("EURUSD"));
        Assert.Contains(store.ManifestPath("EURUSD"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_records_sources_quality_and_coverage()
    {
        using var temp = new TempDirectory();
        var store = new TickStore(temp.Path);
        ImportInto(store, new LeanZipReader(DataTimeZone.Parse("UTC-05")), "EURUSD", TestPaths.FxcmEurUsd("20140509"), TestPaths.FxcmEurUsd("20140511"));

        var manifest = store.ReadManifest("EURUSD");

        Assert.Equal(2, manifest.Sources.Length);
        Assert.All(manifest.Sources, s => Assert.Equal(64, s.Sha256.Length));
        Assert.Equal(manifest.TickCount, manifest.Quality.TicksStored);
        Assert.True(manifest.Quality.Crossed > 0);
        Assert.Equal(1, manifest.Coverage.GapCounts[Finiex.Data.Coverage.GapCategory.Weekend]); // Friday close to Sunday open
        Assert.Equal(manifest.TickCount, manifest.Coverage.Ticks);
    }

    [Fact]
    public void The_store_folder_comes_from_the_option_then_the_environment_then_the_default()
    {
        Assert.Equal(Path.GetFullPath("/tmp/explicit"), TickStore.Resolve("/tmp/explicit").Root);
        var previous = Environment.GetEnvironmentVariable(TickStore.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(TickStore.EnvironmentVariable, "/tmp/from-env");
            Assert.Equal(Path.GetFullPath("/tmp/from-env"), TickStore.Resolve(null).Root);
        }
        finally
        {
            Environment.SetEnvironmentVariable(TickStore.EnvironmentVariable, previous);
        }
    }
}
