using Finiex.Cli.Rendering;
using Finiex.Contracts.Live;
using Finiex.Contracts.Results;
using Finiex.Core.Scenarios;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Sweeps;
using Spectre.Console;

namespace Finiex.Cli.Tests;

/// <summary>The live view: overall line, a panel per slot, finished scenarios and the sweep's best, readable at 80, 100 and 160 columns.</summary>
public sealed class LivePanelTests
{
    private static (LivePanel Panel, FinishedScenarios Finished, BatchEventHub Hub) Running()
    {
        var hub = new BatchEventHub();
        var finished = new FinishedScenarios(new ResultView(SweepScore.NetProfit, 1, ShowProfile: false));
        var panel = new LivePanel(hub, new LiveSetup("grid", "processes × 3", 3, 5, 500_000, LogLevelFilter.Info), finished);
        finished.NewBest += (_, _, _) => panel.OnNewBest();
        finished.Record(Outcome(4, "eurusd_grid__rsi_fast.period=14__band.deviation_pct=0.1", 38.21, ("strategy.workers.rsi_fast.params.period", "14")));
        finished.Record(Outcome(3, "nzdusd_may06_consensus", -106.7));
        hub.Publish(new SlotIdle { SlotId = 1 });
        hub.Publish(new ScenarioProgress
        {
            SlotId = 0,
            ScenarioIndex = 2,
            ScenarioName = "eurusd_may06",
            Symbol = "EURUSD",
            Status = Finiex.Engine.Loop.ScenarioStatus.Running,
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
        hub.Publish(new LogWritten("INFO", "Runner pid 42 ready") { SlotId = 0, ScenarioIndex = -1 });
        hub.Publish(new LogWritten("DEBUG", "package read") { SlotId = 0, ScenarioIndex = 2 });
        hub.Publish(new LogWritten("WARN", "short warmup") { SlotId = 0, ScenarioIndex = 2 });
        hub.Publish(new LogWritten("INFO", "a long line " + new string('x', 300)) { SlotId = 0, ScenarioIndex = 2 });
        hub.Publish(new LogWritten("INFO", "latest line") { SlotId = 0, ScenarioIndex = 2 });
        return (panel, finished, hub);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(160)]
    public void Every_part_reads_at_this_width_without_wrapping_numbers(int width)
    {
        var (panel, _, _) = Running();
        panel.MarkCanceling();

        var text = Render(panel, width);
        var lines = text.Split('\n');

        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= width, $"wider than {width}: {l}"));
        Assert.Contains("2 completed · 0 failed · 0 canceled · 1 running · 5 total", text, StringComparison.Ordinal);
        Assert.Contains("canceling", text, StringComparison.Ordinal);
        Assert.Contains("slot 1", text, StringComparison.Ordinal);
        Assert.Contains("slot 3", text, StringComparison.Ordinal); // ids 1..N; slot 3 has had no event yet: idle
        Assert.DoesNotContain("slot 0", text, StringComparison.Ordinal);
        Assert.Contains("#2 eurusd_may06 (EURUSD)", Line(text, "#2 eurusd_may06"), StringComparison.Ordinal);
        Assert.Contains(" 25.0% of 100,000 ticks · balance 10,012.50 · equity 10,020.25 · trades 3", text, StringComparison.Ordinal);
        Assert.Contains("long 0.1 @ 1.38512 (+7.75) · M5 1.38531", text, StringComparison.Ordinal);
        Assert.Contains("INFO  #2 latest line", text, StringComparison.Ordinal);
        Assert.Contains("WARN  #2 short warmup", text, StringComparison.Ordinal);
        Assert.Contains("#2 a long line xxx", text, StringComparison.Ordinal); // cut to the panel with an ellipsis, on one line
        Assert.Contains("…", Line(text, "#2 a long line"), StringComparison.Ordinal);
        Assert.DoesNotContain("package read", text, StringComparison.Ordinal); // DEBUG is below --log-level info
        Assert.DoesNotContain("Runner pid 42", text, StringComparison.Ordinal); // only the latest three shown lines of a slot
        Assert.Contains("-106.70", Line(text, "nzdusd_may06_consensus"), StringComparison.Ordinal);
        Assert.Contains("38.21", Line(text, "best so far by net P&L: #4"), StringComparison.Ordinal);
        Assert.Contains("NEW BEST", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_better_variant_is_a_new_best()
    {
        var finished = new FinishedScenarios(new ResultView(SweepScore.NetProfit, 1, ShowProfile: false));
        var news = new List<(int Index, int? Previous)>();
        finished.NewBest += (best, _, previous) => news.Add((best.Index, previous));

        finished.Record(Outcome(0, "a", 5, ("p", "1")));
        finished.Record(Outcome(1, "b", 3, ("p", "2")));
        finished.Record(Outcome(2, "c", 9, ("p", "3")));
        finished.Record(Outcome(3, "plain", 50)); // not a sweep variant

        Assert.Equal([(0, (int?)null), (2, 0)], news);
        Assert.Equal(9, finished.BestScore);
    }

    [Fact]
    public void Plain_lines_are_greppable_and_say_new_bests()
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });

        LiveLines.Write(console, new ScenarioStarted { SlotId = 0, ScenarioIndex = 2, ScenarioName = "eurusd_may06", Symbol = "EURUSD", TicksTotal = 99_897 });
        LiveLines.Write(console, new LogWritten("INFO", "not shown") { SlotId = 1, ScenarioIndex = 2 });
        LiveLines.NewBest(console, Outcome(6, "grid__p=3", 38.21, ("p", "3")), 38.21, 4, SweepScore.NetProfit);

        var text = writer.ToString();
        Assert.Contains("slot 1 started  #2 eurusd_may06 (EURUSD, 99,897 ticks)", text, StringComparison.Ordinal);
        Assert.Contains("NEW BEST #6 grid__p=3: net P&L 38.21 (was #4)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not shown", text, StringComparison.Ordinal);
    }

    private static ScenarioOutcome Outcome(int index, string name, double net, params (string Key, string Value)[] grid)
    {
        var result = new ProcessResult
        {
            Success = true,
            ScenarioIndex = index,
            ScenarioName = name,
            Symbol = "EURUSD",
            Timings = new RunTimings { TotalMs = 12 },
            Statistics = new ScenarioStatistics { Trades = 10, WinningTrades = 6, LosingTrades = 4, NetProfit = net, TicksProcessed = 100_000 },
            ReportStatistics = new ReportStatistics(),
        };
        var config = new ScenarioConfig
        {
            Name = name,
            Index = index,
            JsonPath = "$",
            Symbol = "EURUSD",
            StartMs = 0,
            Strategy = null!,
            Account = new AccountConfig { InitialBalance = 10_000, Currency = "USD", BrokerFile = "b.json" },
            Execution = ExecutionConfig.Default,
            GridValues = [.. grid.Select(g => KeyValuePair.Create(g.Key, g.Value))],
        };
        return new ScenarioOutcome(index, name, config, result);
    }

    private static string Render(LivePanel panel, int width)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = width;
        console.Write(panel.Render(width));
        return writer.ToString();
    }

    private static string Line(string text, string containing) =>
        text.Split('\n').First(l => l.Contains(containing, StringComparison.Ordinal));
}
