using Finiex.Orchestration.Execution;
using Spectre.Console;

namespace Finiex.Cli.Rendering;

/// <summary>The tables a run ends with: per-scenario results, batch totals, profiling and worker-decision breakdowns.</summary>
internal static class BatchResultRenderer
{
    public static void Render(IAnsiConsole console, BatchResult batch)
    {
        var results = new Table().Border(TableBorder.Rounded).Title($"Results of {batch.SetName}");
        results.AddColumn(new TableColumn("#").RightAligned()).AddColumn("scenario").AddColumn("status")
            .AddColumn(new TableColumn("ticks").RightAligned()).AddColumn(new TableColumn("trades W/L").RightAligned())
            .AddColumn(new TableColumn("win rate").RightAligned()).AddColumn(new TableColumn("net P&L").RightAligned())
            .AddColumn(new TableColumn("max DD").RightAligned()).AddColumn(new TableColumn("balance").RightAligned())
            .AddColumn(new TableColumn("loop ms").RightAligned());
        foreach (var scenario in batch.Scenarios)
        {
            var s = scenario.Result.Statistics;
            var status = scenario.Result.Success ? "[green]completed[/]" : $"[red]{StatusNames.Of(scenario.Status)}[/]";
            if (s is null)
            {
                results.AddRow(new Text($"{scenario.Index}"), new Text(scenario.Name), new Markup(status),
                    new Text(Truncate(scenario.Result.Error?.Message ?? "", 60)));
                continue;
            }

            results.AddRow(
                new Text($"{scenario.Index}"),
                new Text(scenario.Name),
                new Markup(status),
                new Text($"{s.TicksProcessed:N0}"),
                new Text($"{s.Trades} {s.WinningTrades}/{s.LosingTrades}"),
                new Text(s.WinRate is { } w ? $"{w:P1}" : "-"),
                new Markup(Money(s.NetProfit)),
                new Text($"{s.MaxDrawdown:N2} ({s.MaxDrawdownPct:0.00}%)"),
                new Text($"{s.FinalBalance:N2}"),
                new Text($"{scenario.Result.Timings.TickLoopMs:N1}"));
        }

        console.Write(results);
        var completed = batch.Scenarios.Where(s => s.Result.Success).ToList();
        var ticks = completed.Sum(s => s.Result.Statistics!.TicksProcessed);
        var loopMs = completed.Sum(s => s.Result.Timings.TickLoopMs);
        var totals = new Table().Border(TableBorder.Rounded).Title("Batch").AddColumn("what").AddColumn(new TableColumn("value").RightAligned());
        totals.AddRow("scenarios completed / failed", $"{completed.Count} / {batch.Scenarios.Count - completed.Count}");
        totals.AddRow("ticks", $"{ticks:N0}");
        totals.AddRow("trades", $"{completed.Sum(s => s.Result.Statistics!.Trades):N0}");
        totals.AddRow("net P&L", completed.Sum(s => s.Result.Statistics!.NetProfit).ToString("N2", System.Globalization.CultureInfo.InvariantCulture));
        totals.AddRow("tick loop", loopMs > 0 ? $"{loopMs:N1} ms, {ticks / (loopMs / 1000):N0} ticks/s, {loopMs * 1e6 / Math.Max(1, ticks):N1} ns/tick" : "-");
        totals.AddRow("wall time", $"{batch.WallMs:N0} ms ({batch.ExecutionMode}, {batch.Parallelism} slot(s); preparation {batch.PreparationMs:N0} ms)");
        if (batch.RunnerStartsMs.Count > 0)
        {
            totals.AddRow("runner start to ready", $"{batch.RunnerStartsMs.Count} runner(s), median {batch.RunnerStartsMs.Order().ElementAt(batch.RunnerStartsMs.Count / 2):N0} ms");
        }
        console.Write(totals);

        var profiles = completed.Select(s => s.Result.Profile).OfType<Contracts.Results.ProfileReport>().ToList();
        if (profiles.Count > 0)
        {
            console.Write(ShareTable("Profile: tick loop steps", profiles.SelectMany(p => p.Operations)));
            console.Write(ShareTable("Profile: worker decision", profiles.SelectMany(p => p.WorkerDecision)));
            var startup = completed.SelectMany(s => s.Result.Timings.StartupSteps).GroupBy(s => s.Name)
                .Select(g => new Contracts.Results.OperationShare(g.Key, g.Sum(s => s.Milliseconds), 0)).ToList();
            var startupTotal = startup.Sum(s => s.TotalMs);
            console.Write(ShareTable("Profile: startup", startup.Select(s => s with { Share = startupTotal > 0 ? s.TotalMs / startupTotal : 0 })));
        }
    }

    private static Table ShareTable(string title, IEnumerable<Contracts.Results.OperationShare> shares)
    {
        var grouped = shares.GroupBy(s => s.Name).Select(g => (Name: g.Key, Ms: g.Sum(s => s.TotalMs))).ToList();
        var total = grouped.Sum(g => g.Ms);
        var table = new Table().Border(TableBorder.Rounded).Title(title).AddColumn("operation")
            .AddColumn(new TableColumn("total ms").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach (var (name, ms) in grouped)
        {
            table.AddRow(name, $"{ms:N2}", total > 0 ? $"{ms / total:P1}" : "-");
        }

        return table;
    }

    private static string Money(double value) => value switch
    {
        > 0 => $"[green]{value:N2}[/]",
        < 0 => $"[red]{value:N2}[/]",
        _ => $"{value:N2}",
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
