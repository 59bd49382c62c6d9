using Finiex.Cli.Commands;
using Finiex.Data.Coverage;
using Finiex.Sdk.Time;
using Spectre.Console;

namespace Finiex.Cli.Rendering;

/// <summary>The table of <c>finiex data list</c>, then the largest gaps and quality notes per symbol.</summary>
internal static class StoreListingRenderer
{
    public static void Render(IAnsiConsole console, string root, IReadOnlyList<StoreListing> entries)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Tick store {root}");
        table.AddColumn("symbol").AddColumn("first tick (UTC)").AddColumn("last tick (UTC)")
            .AddColumn(new TableColumn("ticks").RightAligned()).AddColumn(new TableColumn("days").RightAligned())
            .AddColumn(new TableColumn("gaps <1m").RightAligned()).AddColumn(new TableColumn("<30m").RightAligned())
            .AddColumn(new TableColumn("<4h").RightAligned()).AddColumn(new TableColumn("≥4h").RightAligned())
            .AddColumn(new TableColumn("weekends").RightAligned()).AddColumn(new TableColumn("invalid").RightAligned())
            .AddColumn(new TableColumn("crossed").RightAligned()).AddColumn(new TableColumn("dups").RightAligned());
        foreach (var entry in entries)
        {
            if (entry.Manifest is not { } m)
            {
                table.AddRow(new Markup(Markup.Escape(entry.Symbol)), new Markup("[red]damaged[/]"), new Markup(Markup.Escape(entry.Problem ?? "")));
                continue;
            }

            var gaps = m.Coverage.GapCounts;
            var q = m.Quality;
            table.AddRow(
                entry.Symbol,
                UtcTime.Format(m.Coverage.FirstMs),
                UtcTime.Format(m.Coverage.LastMs),
                $"{m.TickCount:N0}",
                $"{m.Coverage.Days}",
                $"{gaps.GetValueOrDefault(GapCategory.Seamless):N0}",
                $"{gaps.GetValueOrDefault(GapCategory.Short):N0}",
                $"{gaps.GetValueOrDefault(GapCategory.Moderate):N0}",
                $"{gaps.GetValueOrDefault(GapCategory.Large):N0}",
                $"{gaps.GetValueOrDefault(GapCategory.Weekend):N0}",
                $"{q.InvalidTotal:N0}",
                $"{q.Crossed:N0}{(q.CrossedDropped > 0 ? " dropped" : "")}",
                $"{q.Duplicates:N0}");
        }

        console.Write(table);
        foreach (var entry in entries.Where(e => e.Manifest is not null))
        {
            var coverage = entry.Manifest!.Coverage;
            foreach (var gap in coverage.LargestGaps.Where(g => g.Category == GapCategory.Large).Take(5))
            {
                console.MarkupLineInterpolated($"  {entry.Symbol}: large gap {UtcTime.Format(gap.FromMs)} .. {UtcTime.Format(gap.ToMs)} ({gap.Minutes / 60:0.0} h)");
            }
        }
    }
}
