using Finiex.Data.Coverage;
using Finiex.Data.Store;

namespace Finiex.Cli.Commands;

/// <summary>One symbol of the store as listed: its manifest, or the problem that kept it from being read.</summary>
internal sealed record StoreListing(string Symbol, SymbolManifest? Manifest, string? Problem)
{
    public static StoreListing For(TickStore store, string symbol) =>
        store.Damage(symbol) is { } damage
            ? new StoreListing(symbol, null, damage.Message)
            : new StoreListing(symbol, store.ReadManifest(symbol), null);

    public object ToJson()
    {
        if (Manifest is not { } m)
        {
            return new { symbol = Symbol, status = "damaged", problem = Problem };
        }

        var q = m.Quality;
        return new
        {
            symbol = Symbol,
            status = "ok",
            ticks = m.TickCount,
            first = Finiex.Sdk.Time.UtcTime.Format(m.Coverage.FirstMs),
            last = Finiex.Sdk.Time.UtcTime.Format(m.Coverage.LastMs),
            days = m.Coverage.Days,
            bytes = m.TickFileLength,
            gaps = m.Coverage.GapCounts.ToDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.Value),
            largest_gaps = m.Coverage.LargestGaps.Select(g => new
            {
                from = Finiex.Sdk.Time.UtcTime.Format(g.FromMs),
                to = Finiex.Sdk.Time.UtcTime.Format(g.ToMs),
                minutes = Math.Round(g.Minutes, 1),
                category = g.Category.ToString().ToLowerInvariant(),
            }),
            weekend_gaps = m.Coverage.WeekendGaps.Count(g => g.Category == GapCategory.Weekend),
            sources = m.Sources.Length,
            quality = new
            {
                rows_read = q.RowsRead,
                invalid = q.Invalid,
                invalid_samples = q.InvalidSamples,
                crossed = q.Crossed,
                crossed_dropped = q.CrossedDropped,
                duplicates = q.Duplicates,
                out_of_order_moved = q.OutOfOrderMoved,
            },
        };
    }
}
