using System.Diagnostics;
using System.Globalization;
using Finiex.Contracts.Live;
using Finiex.Orchestration.Events;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Finiex.Cli.Rendering;

/// <summary>
/// The live view of a running batch on a terminal: one row per slot (idle, or its scenario with progress, balance,
/// equity, trades and the exports the set switched on) and each slot's latest log lines, redrawn four times a second
/// from the hub's snapshot, so no event has to be seen to be shown.
/// </summary>
internal sealed class LivePanel(BatchEventHub hub, string setName, string plan, int slots, int scenarios)
{
    public const int LogLinesPerSlot = 2;
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(250);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _finished;
    private int _failed;
    private volatile bool _canceling;

    /// <summary>Counts finished scenarios; subscribe it to the hub.</summary>
    public void Observe(BatchEvent e)
    {
        if (e.Kind != BatchEventKind.ScenarioFinished)
        {
            return;
        }

        Interlocked.Increment(ref _finished);
        if (e.Status != "COMPLETED")
        {
            Interlocked.Increment(ref _failed);
        }
    }

    public void MarkCanceling() => _canceling = true;

    /// <summary>Redraws until <paramref name="batch"/> completes, then leaves the final state on screen.</summary>
    public Task ShowAsync(IAnsiConsole console, Task batch) =>
        console.Live(Render()).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async live =>
        {
            while (!batch.IsCompleted)
            {
                live.UpdateTarget(Render());
                await Task.WhenAny(batch, Task.Delay(RedrawEvery)).ConfigureAwait(false);
            }

            live.UpdateTarget(Render());
        });

    public IRenderable Render()
    {
        var failed = Volatile.Read(ref _failed);
        var failedText = failed > 0 ? $" ([red]{failed} failed[/])" : "";
        var cancelingText = _canceling ? "  [yellow]canceling: press Ctrl+C again to kill the runners[/]" : "";
        var header = new Markup(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(setName)}[/]  {Markup.Escape(plan)}  {Volatile.Read(ref _finished)}/{scenarios} done{failedText}  {_clock.Elapsed.TotalSeconds:0.0} s{cancelingText}"));
        var state = hub.SlotSnapshot().ToDictionary(e => e.SlotId);
        var table = new Table().Border(TableBorder.Simple).Expand();
        table.AddColumns("slot", "state", "scenario", "progress", "balance", "equity", "trades", "live");
        for (var slot = 0; slot < slots; slot++)
        {
            AddSlot(table, slot, state.GetValueOrDefault(slot));
        }

        return new Rows(header, table, Log());
    }

    private static void AddSlot(Table table, int slot, BatchEvent? last)
    {
        var idle = last is null or { Kind: BatchEventKind.SlotIdle or BatchEventKind.BatchStarted };
        if (idle)
        {
            table.AddRow(new Text(slot.ToString(CultureInfo.InvariantCulture)), new Markup("[grey]idle[/]"), Text.Empty, Text.Empty, Text.Empty, Text.Empty, Text.Empty, Text.Empty);
            return;
        }

        var e = last!;
        var status = e.Status switch
        {
            "COMPLETED" => "[green]done[/]",
            "FINISHED_WITH_ERROR" => "[red]failed[/]",
            "INIT_PROCESS" => "[blue]starting[/]",
            _ => "[green]running[/]",
        };
        table.AddRow(
            new Text(slot.ToString(CultureInfo.InvariantCulture)),
            new Markup(status),
            new Text($"#{e.ScenarioIndex} {e.ScenarioName} ({e.Symbol})"),
            new Text(Bar(e.Percent) + string.Create(CultureInfo.InvariantCulture, $" {e.Percent,5:0.0}% {e.TicksProcessed:N0}/{e.TicksTotal:N0}")),
            new Text(e.Balance.ToString("N2", CultureInfo.InvariantCulture)),
            new Text(e.Equity.ToString("N2", CultureInfo.InvariantCulture)),
            new Text(e.Trades.ToString(CultureInfo.InvariantCulture)),
            new Text(ExportText(e.Export)));
    }

    private Table Log()
    {
        var table = new Table().Border(TableBorder.None).HideHeaders().Expand();
        table.AddColumns("slot", "time", "level", "message");
        table.Columns[3].NoWrap();
        for (var slot = 0; slot < slots; slot++)
        {
            foreach (var line in hub.SlotLog(slot).TakeLast(LogLinesPerSlot))
            {
                var color = line.Level switch
                {
                    "ERROR" or "FATAL" => "red",
                    "WARN" => "yellow",
                    "INFO" => "default",
                    _ => "grey",
                };
                var scenario = line.ScenarioIndex >= 0 ? $"#{line.ScenarioIndex} " : "runner ";
                table.AddRow(
                    new Markup($"[grey]slot {slot}[/]"),
                    new Markup($"[grey]{line.Time.ToLocalTime():HH:mm:ss}[/]"),
                    new Markup($"[{color}]{line.Level}[/]"),
                    new Text(scenario + line.Message, new Style(decoration: Decoration.None)).Overflow(Overflow.Ellipsis));
            }
        }

        return table;
    }

    private static string Bar(double percent)
    {
        const int width = 20;
        var filled = (int)Math.Round(Math.Clamp(percent, 0, 100) / 100 * width);
        return new string('█', filled) + new string('░', width - filled);
    }

    /// <summary>A one-line summary of the exports: the open position, the first forming bar, the loop's speed.</summary>
    public static string ExportText(LiveExport? export)
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
