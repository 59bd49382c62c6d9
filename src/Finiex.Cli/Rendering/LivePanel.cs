using System.Diagnostics;
using System.Globalization;
using Finiex.Contracts.Live;
using Finiex.Engine.Loop;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Finiex.Cli.Rendering;

/// <summary>
/// The live view of a running batch on a terminal, redrawn four times a second from the hub's snapshot and the
/// finished scenarios: an overall line (counts by status, elapsed, ETA, ticks/s) over a batch progress bar; a panel
/// per slot (ids 1..N: scenario, progress, balance, equity, trades, its latest log lines coloured by level); the latest
/// finished scenarios; and for a sweep the best variant so far, marked when it changes. Built from Spectre widgets
/// (live display, panels, columns, breakdown charts, tables) whose text never wraps mid-number at any width.
/// </summary>
internal sealed class LivePanel(BatchEventHub hub, LiveSetup setup, FinishedScenarios finished)
{
    public const int LogLinesPerSlot = 3;
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan NewBestShownFor = TimeSpan.FromSeconds(3);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private volatile bool _canceling;
    private long _bestChangedAt = long.MinValue;

    public void MarkCanceling() => _canceling = true;

    /// <summary>Marks the sweep's best as new for a few seconds; subscribe it to <see cref="FinishedScenarios.NewBest"/>.</summary>
    public void OnNewBest() => Interlocked.Exchange(ref _bestChangedAt, Stopwatch.GetTimestamp());

    /// <summary>Redraws until <paramref name="batch"/> completes, then leaves the final state on screen.</summary>
    public Task ShowAsync(IAnsiConsole console, Task batch) =>
        console.Live(Render(console.Profile.Width)).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async live =>
        {
            while (!batch.IsCompleted)
            {
                live.UpdateTarget(Render(console.Profile.Width));
                await Task.WhenAny(batch, Task.Delay(RedrawEvery)).ConfigureAwait(false);
            }

            live.UpdateTarget(Render(console.Profile.Width));
        });

    public IRenderable Render(int width)
    {
        var slots = hub.Snapshot().Slots.Where(e => e.SlotId >= 0).ToDictionary(e => e.SlotId);
        var running = slots.Values.OfType<ScenarioEvent>().ToList(); // a slot is busy from taking a scenario until it is idle again
        var parts = new List<IRenderable> { Overall(running, width) };
        var panelWidth = Math.Min(width, Math.Max(60, (width / Math.Min(setup.Slots, Math.Max(1, width / 60))) - 1));
        parts.Add(new Columns(Enumerable.Range(0, setup.Slots).Select(slot => SlotPanel(slot, slots.GetValueOrDefault(slot) as ScenarioEvent, panelWidth))).Collapse());
        if (finished.Latest() is { Count: > 0 } latest)
        {
            parts.Add(FinishedTable(latest, width));
        }

        if (finished.Best is { } best)
        {
            var isNew = Stopwatch.GetElapsedTime(Interlocked.Read(ref _bestChangedAt)) < NewBestShownFor;
            var values = string.Join(", ", best.Config!.GridValues.Select(v => $"{BatchResultRenderer.ShortName(v.Key)}={v.Value}"));
            parts.Add(new Markup(string.Create(CultureInfo.InvariantCulture,
                $"best so far by {BatchResultRenderer.ScoreName(finished.Score)}: [bold]#{best.Index}[/] {Markup.Escape(Fit(values, width - 40))} → [bold]{finished.BestScore:N2}[/]{(isNew ? "  [black on green] NEW BEST [/]" : "")}")));
        }

        return new Rows(parts);
    }

    private Rows Overall(List<ScenarioEvent> running, int width)
    {
        var (completed, failed, canceled) = (finished.Count(ScenarioOutcomeStatus.Completed),
            finished.Count(ScenarioOutcomeStatus.Failed) + finished.Count(ScenarioOutcomeStatus.TimedOut) + finished.Count(ScenarioOutcomeStatus.Invalid),
            finished.Count(ScenarioOutcomeStatus.Canceled));
        var elapsed = _clock.Elapsed;
        var ticksDone = finished.TicksDone + running.Sum(e => e.TicksProcessed);
        var done = setup.TotalTicks is > 0 and var total ? Math.Min(1, (double)ticksDone / total)
            : setup.Scenarios == 0 ? 1 : (completed + failed + canceled) / (double)setup.Scenarios;
        var eta = done is > 0.02 and < 1 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - done) / done) : (TimeSpan?)null;
        var speed = elapsed.TotalSeconds > 0 ? ticksDone / elapsed.TotalSeconds : 0;
        var timing = string.Create(CultureInfo.InvariantCulture, $"{Seconds(elapsed)}{(eta is { } left ? $" · ETA {Seconds(left)}" : "")} · {speed / 1e6:0.0} M ticks/s");
        var title = new Markup($"[bold]{Markup.Escape(Fit(setup.SetName, Math.Max(10, width - timing.Length - setup.Plan.Length - 4)))}[/] [grey]{Markup.Escape(setup.Plan)}[/]  {timing}");
        var counts = new Markup(string.Create(CultureInfo.InvariantCulture,
            $"[green]{completed} completed[/] · {(failed > 0 ? $"[red]{failed} failed[/]" : "0 failed")} · {canceled} canceled · [blue]{running.Count} running[/] · {setup.Scenarios} total{(_canceling ? "  [yellow]canceling: Ctrl+C again kills[/]" : "")}"));
        var bar = new BreakdownChart().Width(Math.Min(width, 120)).HideTags()
            .AddItem("completed", Math.Max(0, 100.0 * done - (100.0 * failed / Math.Max(1, setup.Scenarios))), Color.Green)
            .AddItem("failed", 100.0 * failed / Math.Max(1, setup.Scenarios), Color.Red)
            .AddItem("remaining", Math.Max(0.0001, 100 - (100.0 * done)), Color.Grey23);
        // The batch's own latest line: where it runs (a Slurm job and its nodes), a refused runner connection.
        return hub.SlotLog(-1).LastOrDefault(l => setup.LogLevel.Shows(l.Level)) is { } batchLine
            ? new Rows(title, counts, new Markup($"[{LogColours.Colour(batchLine.Level)}]{Markup.Escape(Fit(batchLine.Message, width))}[/]"), bar)
            : new Rows(title, counts, bar);
    }

    private Panel SlotPanel(int slot, ScenarioEvent? last, int width)
    {
        var lines = new List<IRenderable>();
        if (last is null)
        {
            lines.Add(new Markup("[grey]idle[/]"));
        }
        else
        {
            var inner = width - 4;
            var name = Fit(last.ScenarioName, inner - 20 - last.Symbol.Length);
            lines.Add(new Markup($"{StatusMarkup(last.Status)} [bold]#{last.ScenarioIndex}[/] {Markup.Escape(name)} [grey]({Markup.Escape(last.Symbol)})[/]"));
            lines.Add(new BreakdownChart().Width(Math.Max(10, width - 24)).HideTags()
                .AddItem("done", Math.Max(0.0001, last.Percent), Color.Blue).AddItem("left", Math.Max(0.0001, 100 - last.Percent), Color.Grey23));
            lines.Add(new Text(Fit(string.Create(CultureInfo.InvariantCulture,
                $"{last.Percent,5:0.0}% of {last.TicksTotal:N0} ticks · balance {last.Balance:N2} · equity {last.Equity:N2} · trades {last.Trades}"), inner)));
            if (LiveExportText((last as ScenarioProgress)?.Export) is { Length: > 0 } exports)
            {
                lines.Add(new Text(Fit(exports, inner)));
            }
        }

        foreach (var line in hub.SlotLog(slot).Where(l => setup.LogLevel.Shows(l.Level)).TakeLast(LogLinesPerSlot))
        {
            var message = Fit((line.ScenarioIndex >= 0 ? $"#{line.ScenarioIndex} " : "runner ") + line.Message, width - 4 - 15);
            lines.Add(new Markup(string.Create(CultureInfo.InvariantCulture,
                $"[grey]{line.Time.ToLocalTime():HH:mm:ss}[/] [{LogColours.Colour(line.Level)}]{line.Level,-5}[/] {Markup.Escape(message)}")));
        }

        return new Panel(new Rows(lines)) { Width = width }.Header($" slot {slot + 1} ").Border(BoxBorder.Rounded);
    }

    private static Table FinishedTable(IReadOnlyList<ScenarioOutcome> latest, int width)
    {
        var table = new Table().Border(TableBorder.Simple).Title("[grey]finished[/]")
            .AddColumn(new TableColumn("status").NoWrap()).AddColumn(new TableColumn("#").RightAligned().NoWrap()).AddColumn("scenario")
            .AddColumn(new TableColumn("trades W/L/BE").RightAligned().NoWrap()).AddColumn(new TableColumn("net P&L").RightAligned().NoWrap());
        var wide = width >= 100;
        if (wide)
        {
            table.AddColumn(new TableColumn("max DD").RightAligned().NoWrap()).AddColumn(new TableColumn("took").RightAligned().NoWrap());
        }

        foreach (var outcome in latest.Reverse())
        {
            var s = outcome.Result.Statistics;
            var cells = new List<IRenderable>
            {
                new Markup(outcome.Status == ScenarioOutcomeStatus.Completed ? "[green]completed[/]" : $"[red]{StatusNames.Of(outcome.Status)}[/]"),
                new Text(outcome.Index.ToString(CultureInfo.InvariantCulture)),
                new Text(outcome.Name).Overflow(Overflow.Ellipsis),
                new Text(s is null ? "-" : $"{s.Trades} {s.WinningTrades}/{s.LosingTrades}/{outcome.Result.ReportStatistics?.BreakEvenTrades ?? 0}"),
                new Markup(s is null ? "-" : s.NetProfit switch { > 0 => $"[green]{s.NetProfit:N2}[/]", < 0 => $"[red]{s.NetProfit:N2}[/]", _ => $"{s.NetProfit:N2}" }),
            };
            if (wide)
            {
                cells.Add(new Text(s is null ? "-" : $"{s.MaxDrawdown:N2}"));
                cells.Add(new Text(Took(outcome.Result.Timings.TotalMs)));
            }

            table.AddRow(cells);
        }

        return table;
    }

    private static string StatusMarkup(ScenarioStatus? status) => status switch
    {
        ScenarioStatus.Completed => "[green]done[/]",
        ScenarioStatus.FinishedWithError => "[red]failed[/]",
        ScenarioStatus.InitProcess => "[blue]starting[/]",
        _ => "[green]running[/]",
    };

    /// <summary>Cuts a line to the width it has (a log line wrapped over several rows would push the panels around).</summary>
    private static string Fit(string text, int width)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return width < 2 ? "" : oneLine.Length <= width ? oneLine : string.Concat(oneLine.AsSpan(0, width - 1), "…");
    }

    private static string Took(double ms) => ms < 1_000 ? $"{ms:0} ms" : Seconds(TimeSpan.FromMilliseconds(ms));

    private static string Seconds(TimeSpan time) => time.TotalSeconds < 60
        ? time.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture)
        : $"{(int)time.TotalMinutes}m {time.Seconds:00}s";

    /// <summary>A one-line summary of the exports: the open position, the first forming bar, the loop's speed.</summary>
    public static string LiveExportText(LiveExport? export)
    {
        if (export is null)
        {
            return "";
        }

        var parts = new List<string>();
        if (export.Portfolio is { } portfolio)
        {
            parts.Add(portfolio.PositionSide is { } side
                ? string.Create(CultureInfo.InvariantCulture, $"{side} {portfolio.PositionLots:0.##} @ {portfolio.PositionOpenPrice:0.00000} ({portfolio.FloatingProfit:+0.00;-0.00})")
                : "flat");
        }

        if (export.Bars is [var bar, ..])
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{bar.Timeframe} {bar.Close:0.00000}"));
        }

        if (export.Performance is { } performance)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{performance.TicksPerSecond / 1e6:0.0} M ticks/s"));
        }

        return string.Join(" · ", parts);
    }
}
