using System.Text.Json;
using Finiex.Data.Coverage;
using Finiex.Data.Ticks;

namespace Finiex.Data.Store;

/// <summary>
/// A folder of symbols, each a memory-mappable tick file with a JSON manifest:
/// <c>&lt;root&gt;/&lt;SYMBOL&gt;/ticks.fxt</c> and <c>&lt;root&gt;/&lt;SYMBOL&gt;/manifest.json</c>.
/// </summary>
public sealed class TickStore
{
    public const string EnvironmentVariable = "FINIEX_STORE";
    public const string DefaultRelativePath = "data/store";
    public const string TickFileName = "ticks.fxt";
    public const string ManifestFileName = "manifest.json";

    public TickStore(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>The store named on the command line, else by FINIEX_STORE, else data/store under the current folder.</summary>
    public static TickStore Resolve(string? explicitPath, string defaultRoot = DefaultRelativePath) =>
        new(explicitPath ?? (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env : defaultRoot));

    public string SymbolDirectory(string symbol) => Path.Combine(Root, symbol);

    public string TickFilePath(string symbol) => Path.Combine(SymbolDirectory(symbol), TickFileName);

    public string ManifestPath(string symbol) => Path.Combine(SymbolDirectory(symbol), ManifestFileName);

    /// <summary>The store's folder exists (a store can be listed, verified, run from).</summary>
    public bool Exists => Directory.Exists(Root);

    /// <summary>The symbol has a folder with a manifest or a tick file (a symbol whose manifest was lost is still one: a damaged one).</summary>
    public bool Contains(string symbol) => File.Exists(ManifestPath(symbol)) || File.Exists(TickFilePath(symbol));

    public IReadOnlyList<string> Symbols() =>
        !Directory.Exists(Root)
            ? []
            : [.. Directory.EnumerateDirectories(Root)
                .Where(d => !Path.GetFileName(d).StartsWith('.') && (File.Exists(Path.Combine(d, ManifestFileName)) || File.Exists(Path.Combine(d, TickFileName))))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)];

    public SymbolManifest ReadManifest(string symbol)
    {
        var path = ManifestPath(symbol);
        if (!File.Exists(path))
        {
            throw new StoreCorruptException(path, "the manifest is missing (deleted?), so the tick file cannot be trusted");
        }

        try
        {
            return JsonSerializer.Deserialize<SymbolManifest>(File.ReadAllText(path), StoreJson.Options)
                   ?? throw new StoreCorruptException(path, "manifest is empty");
        }
        catch (JsonException ex)
        {
            throw new StoreCorruptException(path, $"manifest is not valid JSON ({ex.Message})");
        }
    }

    /// <summary>Opens the symbol's tick file and checks it against its manifest.</summary>
    public TickFile OpenTicks(string symbol)
    {
        var manifest = ReadManifest(symbol);
        var path = TickFilePath(symbol);
        if (!File.Exists(path))
        {
            throw new StoreCorruptException(path, "tick file is missing although the manifest lists it");
        }

        var file = TickFile.Open(path);
        if (file.Count != manifest.TickCount || new FileInfo(path).Length != manifest.TickFileLength)
        {
            file.Dispose();
            throw new StoreCorruptException(path,
                $"tick file holds {file.Count} ticks but the manifest says {manifest.TickCount} (an interrupted write?)");
        }

        return file;
    }

    /// <summary>Copies all ticks of a symbol into memory (used when merging an import).</summary>
    public TickColumns LoadAll(string symbol)
    {
        using var file = OpenTicks(symbol);
        var columns = new TickColumns(file.HasVolumes, (int)Math.Max(16, file.Count));
        var times = file.Times(0, file.Count);
        var bids = file.Bids(0, file.Count);
        var asks = file.Asks(0, file.Count);
        var bidVolumes = file.BidVolumes(0, file.Count);
        var askVolumes = file.AskVolumes(0, file.Count);
        for (var i = 0; i < times.Length; i++)
        {
            columns.Add(times[i], bids[i], asks[i], file.HasVolumes ? bidVolumes[i] : 0, file.HasVolumes ? askVolumes[i] : 0);
        }

        return columns;
    }

    /// <summary>Null when the symbol is healthy (manifest readable, every checksum verified), else what is wrong with it.</summary>
    public StoreCorruptException? Damage(string symbol)
    {
        try
        {
            ReadManifest(symbol);
            using var file = OpenTicks(symbol);
            file.VerifyAll();
            return null;
        }
        catch (StoreCorruptException ex)
        {
            return ex;
        }
    }

    /// <summary>Deletes the symbol (healthy or damaged). The caller holds its <see cref="SymbolLock"/>.</summary>
    public void Remove(string symbol)
    {
        var folder = SymbolDirectory(symbol);
        // The manifest goes first: a symbol half removed is listed as damaged, never as healthy with missing ticks.
        File.Delete(ManifestPath(symbol));
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Removes the ticks of the given UTC days and forgets the source files that held any of them (so importing one again
    /// is possible; one that also held kept days needs --replace). Removes the symbol when nothing is left. Returns the
    /// ticks removed. The caller holds the symbol's <see cref="SymbolLock"/>.
    /// </summary>
    public (long TicksRemoved, IReadOnlyList<SourceRecord> SourcesForgotten) RemoveDays(string symbol, IReadOnlySet<DateOnly> days)
    {
        var manifest = ReadManifest(symbol);
        var ticks = LoadAll(symbol);
        static DateOnly Day(long ms) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime);
        var removed = ticks.RemoveWhere((time, _, _) => days.Contains(Day(time)));
        var forgotten = manifest.Sources.Where(s => days.Any(d => Day(s.FirstMs) <= d && d <= Day(s.LastMs))).ToList();
        if (ticks.Count == 0)
        {
            Remove(symbol);
        }
        else if (removed > 0 || forgotten.Count > 0)
        {
            Commit(symbol, ticks, [.. manifest.Sources.Except(forgotten)]);
        }

        return (removed, forgotten);
    }

    /// <summary>Replaces the symbol's ticks and manifest: tick file first, then the manifest that vouches for it.</summary>
    public SymbolManifest Commit(string symbol, TickColumns ticks, IReadOnlyList<SourceRecord> sources)
    {
        var tickPath = TickFilePath(symbol);
        // The manifest (coverage analysis, JSON) is built on another core while the tick file is written and flushed.
        var manifest = Task.Run(() =>
        {
            var built = new SymbolManifest
            {
                Symbol = symbol,
                TickCount = ticks.Count,
                TickFileLength = TickFileLayout.For(ticks.Count, ticks.HasVolumes, TickFileFormat.DefaultChunkTicks).FileLength,
                Sources = [.. sources],
                Coverage = CoverageAnalyzer.Analyze(ticks.Times),
            };
            return (Manifest: built, Json: JsonSerializer.Serialize(built, StoreJson.Options));
        });
        TickFileWriter.Write(tickPath, symbol, ticks);
        var (written, json) = manifest.GetAwaiter().GetResult();
        if (written.TickFileLength != new FileInfo(tickPath).Length)
        {
            throw new InvalidOperationException($"{tickPath}: written {new FileInfo(tickPath).Length} bytes, the layout says {written.TickFileLength}.");
        }

        AtomicFile.WriteAllText(ManifestPath(symbol), json);
        return written;
    }
}
