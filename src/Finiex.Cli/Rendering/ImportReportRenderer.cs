using Finiex.Data.Import;
using Finiex.Data.Store;
using Finiex.Sdk.Time;
using Spectre.Console;

namespace Finiex.Cli.Rendering;

/// <summary>Prints an import's outcome: counts, quality by reason with the first examples, and the failure if any.</summary>
internal static class ImportReportRenderer
{
    public static void Render(IAnsiConsole console, ImportResult result)
    {
        var skipped = result.Files.Count(f => f.AlreadyImported);
        var table = new Table().Border(TableBorder.Rounded).Title($"Import {result.Symbol}").AddColumn("what").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("files read", $"{result.Files.Count - skipped:N0}");
        table.AddRow("files already imported (skipped)", $"{skipped:N0}");
        table.AddRow("rows read", $"{result.Quality.RowsRead:N0}");
        table.AddRow("invalid rows", $"{result.Quality.InvalidTotal:N0}");
        table.AddRow("crossed quotes (ask < bid)", $"{result.Quality.Crossed:N0}{(result.Quality.CrossedDropped > 0 ? $" ({result.Quality.CrossedDropped:N0} dropped)" : " (kept)")}");
        table.AddRow("price outliers", $"{result.Quality.Outliers:N0}{(result.Quality.OutliersDropped > 0 ? $" ({result.Quality.OutliersDropped:N0} dropped)" : result.Quality.Outliers > 0 ? " (kept; --drop-outliers removes them)" : "")}");
        table.AddRow("exact duplicates (kept)", $"{result.Quality.Duplicates:N0}");
        table.AddRow("out-of-order rows moved", $"{result.Quality.OutOfOrderMoved:N0}");
        if (result.Quality.Skipped > 0)
        {
            table.AddRow("rows without a quote (skipped)", $"{result.Quality.Skipped:N0}");
        }

        if (result.Succeeded)
        {
            table.AddRow("ticks added", $"{result.TicksAdded:N0}");
            if (result.TicksReplaced > 0)
            {
                table.AddRow("ticks replaced", $"{result.TicksReplaced:N0}");
            }

            table.AddRow("ticks in store", $"{result.TicksInStore:N0}");
            if (result.Manifest is { } manifest && manifest.TickCount > 0)
            {
                table.AddRow("range", $"{UtcTime.Format(manifest.Coverage.FirstMs)} .. {UtcTime.Format(manifest.Coverage.LastMs)}");
                table.AddRow("store bytes per tick", $"{(double)manifest.TickFileLength / manifest.TickCount:0.0}");
            }
        }

        table.AddRow("elapsed", $"{result.Elapsed.TotalSeconds:0.00} s ({result.TicksPerSecond:N0} rows/s)");
        console.Write(table);
        RenderInvalid(console, result.Quality);
        foreach (var sample in result.Quality.OutlierSamples)
        {
            console.MarkupLineInterpolated($"  [yellow]outlier:[/] {sample}");
        }

        foreach (var warning in result.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {warning}");
        }

        if (!result.Succeeded)
        {
            console.MarkupLineInterpolated($"[red]import failed:[/] {result.FailureReason}");
        }
    }

    public static void RenderInvalid(IAnsiConsole console, ImportQuality quality)
    {
        if (quality.InvalidTotal == 0)
        {
            return;
        }

        foreach (var (reason, count) in quality.Invalid)
        {
            console.MarkupLineInterpolated($"  invalid: {count:N0} × {reason}");
        }

        foreach (var sample in quality.InvalidSamples)
        {
            console.MarkupLineInterpolated($"    e.g. {sample}");
        }
    }
}
