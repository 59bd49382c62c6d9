using System.Collections.Immutable;

namespace Finiex.Data.Store;

/// <summary>Quality counters of imported rows (SEMANTICS §1).</summary>
public sealed record ImportQuality
{
    public long RowsRead { get; init; }
    public long TicksStored { get; init; }
    public ImmutableSortedDictionary<string, long> Invalid { get; init; } = ImmutableSortedDictionary<string, long>.Empty;
    /// <summary>The first few invalid rows as "file:line: reason".</summary>
    public ImmutableArray<string> InvalidSamples { get; init; } = [];
    public long Crossed { get; init; }
    public long CrossedDropped { get; init; }
    public long Duplicates { get; init; }
    public long OutOfOrderMoved { get; init; }
    /// <summary>Rows that carried no new quote (MT5 exports: last-price-only rows).</summary>
    public long Skipped { get; init; }
    /// <summary>Valid quotes far from their neighbours (docs/tick-store.md: beyond 2x of the recent median); kept unless dropped.</summary>
    public long Outliers { get; init; }
    public long OutliersDropped { get; init; }
    /// <summary>The first few outliers as "file:line: prices".</summary>
    public ImmutableArray<string> OutlierSamples { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public long InvalidTotal => Invalid.Values.Sum();

    public static ImportQuality Sum(IEnumerable<ImportQuality> parts)
    {
        var total = new ImportQuality();
        foreach (var part in parts)
        {
            total = total.Add(part);
        }

        return total;
    }

    public ImportQuality Add(ImportQuality other)
    {
        var invalid = Invalid.ToBuilder();
        foreach (var (reason, count) in other.Invalid)
        {
            invalid[reason] = invalid.GetValueOrDefault(reason) + count;
        }

        return new ImportQuality
        {
            RowsRead = RowsRead + other.RowsRead,
            TicksStored = TicksStored + other.TicksStored,
            Invalid = invalid.ToImmutable(),
            InvalidSamples = [.. InvalidSamples.Concat(other.InvalidSamples).Take(10)],
            Crossed = Crossed + other.Crossed,
            CrossedDropped = CrossedDropped + other.CrossedDropped,
            Duplicates = Duplicates + other.Duplicates,
            OutOfOrderMoved = OutOfOrderMoved + other.OutOfOrderMoved,
            Skipped = Skipped + other.Skipped,
            Outliers = Outliers + other.Outliers,
            OutliersDropped = OutliersDropped + other.OutliersDropped,
            OutlierSamples = [.. OutlierSamples.Concat(other.OutlierSamples).Take(10)],
        };
    }
}
