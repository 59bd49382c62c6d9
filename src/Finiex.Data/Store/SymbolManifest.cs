using System.Collections.Immutable;
using Finiex.Data.Coverage;

namespace Finiex.Data.Store;

/// <summary>The JSON sidecar of a symbol's tick file: what was imported, its quality, and its coverage.</summary>
public sealed record SymbolManifest
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public required string Symbol { get; init; }
    public required long TickFileLength { get; init; }
    public required long TickCount { get; init; }
    public ImmutableArray<SourceRecord> Sources { get; init; } = [];
    public required CoverageReport Coverage { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public ImportQuality Quality => ImportQuality.Sum(Sources.Select(s => s.Quality));
}
