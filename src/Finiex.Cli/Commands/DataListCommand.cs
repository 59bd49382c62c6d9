using System.CommandLine;
using System.Text.Json;
using Finiex.Cli.Rendering;
using Finiex.Data.Coverage;
using Finiex.Data.Store;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex data list [--json]</c>: symbols, ranges, gaps and quality of the store.</summary>
internal static class DataListCommand
{
    public static Command Create(CliContext context)
    {
        var store = CommonOptions.Store();
        var json = CommonOptions.Json("the listing");
        var command = new Command("list", "List the store's symbols: range, ticks, days, gaps by category and import quality.") { store, json };
        command.SetAction(parse =>
        {
            var tickStore = TickStore.Resolve(parse.GetValue(store));
            var entries = new List<StoreListing>();
            foreach (var symbol in tickStore.Symbols())
            {
                entries.Add(StoreListing.For(tickStore, symbol));
            }

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new { store = tickStore.Root, symbols = entries.Select(e => e.ToJson()) }, CliJson.Options));
            }
            else if (entries.Count == 0)
            {
                context.Console.MarkupLineInterpolated($"The store {tickStore.Root} holds no symbols. Import some: finiex data import --help");
            }
            else
            {
                StoreListingRenderer.Render(context.Console, tickStore.Root, entries);
            }

            return entries.Any(e => e.Problem is not null) ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>One symbol of the store as listed: its manifest, or the problem that kept it from being read.</summary>
internal sealed record StoreListing(string Symbol, SymbolManifest? Manifest, string? Problem)
{
    public static StoreListing For(TickStore store, string symbol)
    {
        try
        {
            var manifest = store.ReadManifest(symbol);
            using var file = store.OpenTicks(symbol);
            file.VerifyAll();
            return new StoreListing(symbol, manifest, null);
        }
        catch (StoreCorruptException ex)
        {
            return new StoreListing(symbol, null, ex.Message);
        }
    }

    public object ToJson()
    {
        if (Manifest is not { } m)
        {
            return new { symbol = Symbol, status = "corrupt", problem = Problem };
        }

        var q = m.Quality;
        return new
        {
            symbol = Symbol,
            status = "ok",
            ticks = m.TickCount,
            first = Finiex.Core.Time.UtcTime.Format(m.Coverage.FirstMs),
            last = Finiex.Core.Time.UtcTime.Format(m.Coverage.LastMs),
            days = m.Coverage.Days,
            bytes = m.TickFileLength,
            gaps = m.Coverage.GapCounts.ToDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.Value),
            largest_gaps = m.Coverage.LargestGaps.Select(g => new
            {
                from = Finiex.Core.Time.UtcTime.Format(g.FromMs),
                to = Finiex.Core.Time.UtcTime.Format(g.ToMs),
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
