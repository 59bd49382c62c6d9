using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Results;
using Finiex.Orchestration.Sweeps;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Finiex.Cli.Rendering;

/// <summary>
/// The tables a run ends with: per-scenario results (columns chosen for the terminal's width, numbers never wrapped),
/// a sweep's ranking, batch totals (best / median / worst net P&amp;L: a sweep's variants are not one portfolio), and
/// with <c>--profile</c> the profiling breakdowns.
/// </summary>
internal static class BatchResultRenderer
{
    public static void Render(IAnsiConsole console, BatchResult batch, ResultView view)
    {
        var width = console.Profile.Width;
        var (wide, widest) = (width >= 100, width >= 140);
        var results = new Table().Border(TableBorder.Rounded).Title($"Results of {batch.SetName}");
        results.AddColumn(Number("#")).AddColumn("scenario").AddColumn(new TableColumn("status").NoWrap());
        if (widest)
        {
            results.AddColumn(Number("ticks"));
        }

        results.AddColumn(Number("trades W/L/BE"));
        if (wide)
        {
            results.AddColumn(Number("win rate"));
        }

        results.AddColumn(Number("net P&L")).AddColumn(Number("max DD"));
        if (wide)
        {
            results.AddColumn(Number("balance"));
        }

        if (widest)
        {
            results.AddColumn(Number("PF")).AddColumn(Number("Sharpe")).AddColumn(Number("loop ms"));
        }

        foreach (var scenario in batch.Scenarios)
        {
            var s = scenario.Result.Statistics;
            var status = scenario.Result.Success ? "[green]completed[/]" : $"[red]{StatusNames.Of(scenario.Status)}[/]";
            var cells = new List<IRenderable> { new Text($"{scenario.Index}"), new Text(scenario.Name), new Markup(status) };
            if (s is null)
            {
                cells.Add(new Text(Truncate(scenario.Result.Error?.Message ?? "", wide ? 60 : 30)));
                results.AddRow(cells);
                continue;
            }

            var r = scenario.Result.ReportStatistics;
            if (widest)
            {
                cells.Add(new Text($"{s.TicksProcessed:N0}"));
            }

            cells.Add(new Text($"{s.Trades} {s.WinningTrades}/{s.LosingTrades}/{r?.BreakEvenTrades ?? 0}"));
            if (wide)
            {
                cells.Add(new Text(s.WinRate is { } w ? $"{w:P1}" : "-"));
            }

            cells.Add(new Markup(Money(s.NetProfit)));
            cells.Add(new Text(wide ? $"{s.MaxDrawdown:N2} ({s.MaxDrawdownPct:0.00}%)" : $"{s.MaxDrawdown:N2}"));
            if (wide)
            {
                cells.Add(new Text($"{s.FinalBalance:N2}"));
            }

            if (widest)
            {
                cells.Add(new Text(s.ProfitFactor is { } pf ? $"{pf:0.00}" : "-"));
                cells.Add(new Text(r?.Sharpe is { } sharpe ? $"{sharpe:0.00}" : "-"));
                cells.Add(new Text($"{scenario.Result.Timings.TickLoopMs:N1}"));
            }

            while (cells.Count < results.Columns.Count)
            {
                cells.Add(Text.Empty);
            }

            results.AddRow(cells);
        }

        console.Write(results);
        RenderSweeps(console, batch, view);
        RenderTotals(console, batch);
        if (view.ShowProfile)
        {
            RenderProfiles(console, batch);
        }
    }

    private static void RenderSweeps(IAnsiConsole console, BatchResult batch, ResultView view)
    {
        var summary = BatchSummary.From(batch);
        foreach (var sweep in SweepRanking.Rank(summary.Scenarios, view.Score, view.MinTrades))
        {
            var scoreName = ScoreName(view.Score);
            // A heading line, not the table's title: a title wider than the table would wrap.
            console.MarkupLineInterpolated($"[bold]Sweep of {string.Join(" × ", sweep.Parameters.Select(ShortName))}[/], best by {scoreName}{(view.Score == SweepScore.MaxDrawdown ? " (lowest)" : "")}:");
            var table = new Table().Border(TableBorder.Rounded).AddColumn(Number("rank")).AddColumn(Number("#"));
            foreach (var parameter in sweep.Parameters)
            {
                table.AddColumn(Number(ShortName(parameter)));
            }

            table.AddColumn(Number(scoreName));
            foreach (var variant in sweep.Ranked.Take(10))
            {
                table.AddRow([new Text($"{variant.Rank}"), new Text($"{variant.Index}"), .. variant.Values.Select(v => new Text(v)), new Text($"{variant.Score:N2}")]);
            }

            if (sweep.LeftOut > 0)
            {
                table.Caption($"{sweep.LeftOut} variant(s) left out: not completed, fewer than {sweep.MinTrades} trade(s), or no {scoreName}");
            }

            console.Write(table);
        }
    }

    private static void RenderTotals(IAnsiConsole console, BatchResult batch)
    {
        var completed = batch.Scenarios.Where(s => s.Result.Success).ToList();
        var ticks = completed.Sum(s => s.Result.Statistics!.TicksProcessed);
        var loopMs = completed.Sum(s => s.Result.Timings.TickLoopMs);
        var totals = new Table().Border(TableBorder.Rounded).Title("Batch").AddColumn("what").AddColumn(new TableColumn("value").RightAligned());
        var by = batch.Scenarios.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count());
        totals.AddRow("scenarios", string.Join(", ", new[] { ScenarioOutcomeStatus.Completed, ScenarioOutcomeStatus.Failed, ScenarioOutcomeStatus.Canceled,
            ScenarioOutcomeStatus.TimedOut, ScenarioOutcomeStatus.Invalid }.Where(by.ContainsKey).Select(k => $"{by[k]} {StatusNames.Of(k)}")));
        totals.AddRow("ticks / trades", $"{ticks:N0} / {completed.Sum(s => s.Result.Statistics!.Trades):N0}");
        if (NetProfitSpread.Of(completed.Select(s => s.Result.Statistics!.NetProfit)) is { } spread)
        {
            totals.AddRow(new Text("net P&L best / median / worst"), new Markup($"{Money(spread.Best)} / {Money(spread.Median)} / {Money(spread.Worst)}"));
        }

        totals.AddRow("tick loop", loopMs > 0 ? $"{ticks / (loopMs / 1000):N0} ticks/s, {loopMs * 1e6 / Math.Max(1, ticks):N1} ns/tick" : "-");
        totals.AddRow("wall time", $"{batch.WallMs:N0} ms ({batch.ExecutionMode} × {batch.Parallelism})");
        console.Write(totals);
    }

    private static void RenderProfiles(IAnsiConsole console, BatchResult batch)
    {
        var completed = batch.Scenarios.Where(s => s.Result.Success).ToList();
        if (batch.RunnerStartsMs.Count > 0)
        {
            console.MarkupLineInterpolated($"runner start to ready: {batch.RunnerStartsMs.Count} runner(s), median {batch.RunnerStartsMs.Order().ElementAt(batch.RunnerStartsMs.Count / 2):N0} ms; preparation {batch.PreparationMs:N0} ms");
        }

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

    private static TableColumn Number(string header) => new TableColumn(header).RightAligned().NoWrap();

    /// <summary>A swept parameter's path without its leading <c>strategy.workers.</c>-style parts: <c>rsi_fast.period</c>.</summary>
    internal static string ShortName(string parameter)
    {
        var parts = parameter.Split('.');
        return parts.Length > 2 ? $"{parts[^3]}.{parts[^1]}" : parameter;
    }

    internal static string ScoreName(SweepScore score) => score switch
    {
        SweepScore.NetProfit => "net P&L",
        SweepScore.ProfitFactor => "profit factor",
        SweepScore.Sharpe => "Sharpe",
        SweepScore.RecoveryFactor => "recovery factor",
        SweepScore.ExpectedPayoff => "expected payoff",
        SweepScore.MaxDrawdown => "max DD",
        _ => score.ToString(),
    };

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
