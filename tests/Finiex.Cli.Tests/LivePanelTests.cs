using Finiex.Cli.Rendering;
using Finiex.Contracts.Live;
using Finiex.Contracts.Results;
using Finiex.Orchestration.Events;
using Spectre.Console;

namespace Finiex.Cli.Tests;

/// <summary>The live panel draws each slot's state, its scenario's progress and exports, and its latest log lines.</summary>
public sealed class LivePanelTests
{
    [Fact]
    public void Each_slot_shows_idle_or_its_scenario_progress_exports_and_latest_log_lines()
    {
        var hub = new BatchEventHub();
        var panel = new LivePanel(hub, "grid", "processes × 3", slots: 3, scenarios: 5);
        using var _ = hub.Subscribe(panel.Observe);
        hub.Publish(Event(BatchEventKind.ScenarioFinished, 1, 4) with { Status = "COMPLETED" });
        hub.Publish(Event(BatchEventKind.SlotIdle, 1, -1));
        hub.Publish(Event(BatchEventKind.ScenarioProgress, 0, 2) with
        {
            ScenarioName = "eurusd_may06",
            Symbol = "EURUSD",
            Status = "RUNNING",
            TicksProcessed = 25_000,
            TicksTotal = 100_000,
            Balance = 10_012.5,
            Equity = 10_020.25,
            Trades = 3,
            Export = new LiveExport
            {
                Portfolio = new LivePortfolio { Statistics = new ScenarioStatistics(), PositionSide = "long", PositionLots = 0.1, PositionOpenPrice = 1.38512, FloatingProfit = 7.75 },
                Bars = [new LiveBar("M5", 0, 1.385, 1.386, 1.384, 1.38531, 40, 12)],
            },
        });
        hub.Publish(Event(BatchEventKind.Log, 0, -1) with { Level = "INFO", Message = "Runner pid 42 ready" });
        hub.Publish(Event(BatchEventKind.Log, 0, 2) with { Level = "WARN", Message = "short warmup" });
        hub.Publish(Event(BatchEventKind.Log, 0, 2) with { Level = "INFO", Message = "latest line" });
        panel.MarkCanceling();

        var text = Render(panel);

        Assert.Contains("grid  processes × 3  1/5 done", text, StringComparison.Ordinal);
        Assert.Contains("canceling: press Ctrl+C again", text, StringComparison.Ordinal);
        var slot0 = Line(text, "#2 eurusd_may06 (EURUSD)");
        Assert.Contains("running", slot0, StringComparison.Ordinal);
        Assert.Contains("25.0% 25,000/100,000", slot0, StringComparison.Ordinal);
        Assert.Contains("10,012.50", slot0, StringComparison.Ordinal);
        Assert.Contains("long 0.1 @ 1.38512 (+7.75) · M5 1.38531", slot0, StringComparison.Ordinal);
        Assert.Contains("idle", Line(text, "  1 "), StringComparison.Ordinal);
        Assert.Contains("idle", Line(text, "  2 "), StringComparison.Ordinal); // no event yet
        Assert.Contains("WARN", Line(text, "#2 short warmup"), StringComparison.Ordinal);
        Assert.Contains("INFO", Line(text, "#2 latest line"), StringComparison.Ordinal);
        Assert.DoesNotContain("Runner pid 42", text, StringComparison.Ordinal); // only the last two lines of a slot
    }

    private static BatchEvent Event(BatchEventKind kind, int slot, int scenario) =>
        new() { Sequence = 0, Time = default, Kind = kind, SlotId = slot, ScenarioIndex = scenario };

    private static string Render(LivePanel panel)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        console.Write(panel.Render());
        return writer.ToString();
    }

    private static string Line(string text, string containing) =>
        text.Split('\n').Single(l => l.Contains(containing, StringComparison.Ordinal));
}
