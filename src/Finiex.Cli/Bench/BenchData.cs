using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;

namespace Finiex.Cli.Bench;

/// <summary>
/// The ticks a load runs on. The grid needs the 13 FXCM EURUSD LEAN days of ../shared/data imported into a store of
/// its own (once: later runs find it and check it); the tiny load runs on the store <c>finiex run</c> uses.
/// </summary>
internal static class BenchData
{
    public const int GridDays = 13;

    /// <summary>The store with the grid's ticks (LEAN FXCM times are UTC-05), imported from <paramref name="sharedData"/> when missing.</summary>
    public static TickStore GridStore(string sharedData, string storeRoot, Action<string> say)
    {
        var folder = Path.Combine(sharedData, "lean", "forex", "fxcm", "tick", "eurusd");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*_quote.zip").Order(StringComparer.Ordinal).ToArray() : [];
        if (files.Length != GridDays)
        {
            throw new FileNotFoundException(
                $"The grid load needs the {GridDays} FXCM EURUSD LEAN files in {folder} (found {files.Length}). Pass --data with the shared data folder, or set FINIEX_SHARED_DATA.");
        }

        var store = new TickStore(storeRoot);
        if (store.Contains("EURUSD") && store.ReadManifest("EURUSD").Sources.Length == GridDays)
        {
            return store;
        }

        say($"Importing the grid's ticks ({GridDays} FXCM EURUSD days) into {storeRoot} (once)...");
        new TickImporter(store).Import(new ImportRequest { Symbol = "EURUSD", Paths = files, Reader = new LeanZipReader(DataTimeZone.Parse("UTC-05")), Replace = true });
        return store;
    }

    /// <summary>--data, else $FINIEX_SHARED_DATA, else the first shared/data found beside the working folder or one of its parents.</summary>
    public static string? FindSharedData(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return Path.GetFullPath(explicitPath);
        }

        if (Environment.GetEnvironmentVariable("FINIEX_SHARED_DATA") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "lean")))
            {
                return candidate;
            }
        }

        return null;
    }
}
