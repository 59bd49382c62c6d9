using Finiex.Data.Store;

namespace Finiex.Data.Import;

/// <summary>What an import did. When <see cref="Succeeded"/> is false nothing was written.</summary>
public sealed record ImportResult
{
    public required string Symbol { get; init; }
    public required bool Succeeded { get; init; }
    public string? FailureReason { get; init; }
    public required IReadOnlyList<ImportedFile> Files { get; init; }
    public required ImportQuality Quality { get; init; }
    public long TicksAdded { get; init; }
    public long TicksReplaced { get; init; }
    public long TicksInStore { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public SymbolManifest? Manifest { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public double TicksPerSecond => Elapsed.TotalSeconds > 0 ? Quality.RowsRead / Elapsed.TotalSeconds : 0;
}
