namespace Finiex.Data.Store;

/// <summary>One imported source file: its identity (content hash) and the quality of its rows.</summary>
public sealed record SourceRecord
{
    public required string Path { get; init; }
    public required string Format { get; init; }
    public required long Length { get; init; }
    public required string Sha256 { get; init; }
    public required DateTimeOffset ImportedAt { get; init; }
    public required long FirstMs { get; init; }
    public required long LastMs { get; init; }
    public required ImportQuality Quality { get; init; }
}
