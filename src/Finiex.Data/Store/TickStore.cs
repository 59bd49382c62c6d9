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

    public bool Contains(string symbol) => File.Exists(ManifestPath(symbol));

    public IReadOnlyList<string> Symbols() =>
        !Directory.Exists(Root)
            ? []
            : [.. Directory.EnumerateDirectories(Root)
                .Where(d => File.Exists(Path.Combine(d, ManifestFileName)))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)];

    public SymbolManifest ReadManifest(string symbol)
    {
        var path = ManifestPath(symbol);
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
