using System.Diagnostics.CodeAnalysis;

namespace Finiex.Sdk.Time;

/// <summary>A bar length. Buckets are aligned to the Unix epoch in UTC (SEMANTICS §2).</summary>
public sealed record Timeframe
{
    public static readonly Timeframe M1 = new("M1", 60_000);
    public static readonly Timeframe M5 = new("M5", 5 * 60_000);
    public static readonly Timeframe M15 = new("M15", 15 * 60_000);
    public static readonly Timeframe M30 = new("M30", 30 * 60_000);
    public static readonly Timeframe H1 = new("H1", 3_600_000);
    public static readonly Timeframe H4 = new("H4", 4 * 3_600_000);
    public static readonly Timeframe D1 = new("D1", 24 * 3_600_000);

    public static IReadOnlyList<Timeframe> All { get; } = [M1, M5, M15, M30, H1, H4, D1];

    private Timeframe(string name, long lengthMs)
    {
        Name = name;
        LengthMs = lengthMs;
    }

    public string Name { get; }

    public long LengthMs { get; }

    /// <summary>Start of the bucket holding <paramref name="timeMs"/>: floor(time / L) * L, also for negative times.</summary>
    public long BucketStart(long timeMs) => Math.DivRem(timeMs, LengthMs) is var (q, r) && r < 0 ? (q - 1) * LengthMs : q * LengthMs;

    public static bool TryParse(string? name, [NotNullWhen(true)] out Timeframe? timeframe)
    {
        timeframe = All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        return timeframe is not null;
    }

    public static Timeframe Parse(string name) =>
        TryParse(name, out var tf) ? tf : throw new FormatException($"Unknown timeframe '{name}'. Use one of {string.Join(", ", All.Select(t => t.Name))}.");

    public override string ToString() => Name;
}
