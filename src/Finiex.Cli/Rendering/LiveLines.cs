using Finiex.Orchestration.Events;
using Spectre.Console;

namespace Finiex.Cli.Rendering;

/// <summary>One line per scenario start and finish, with its slot, on the error stream (so --json output stays clean).</summary>
internal static class LiveLines
{
    public static void Write(IAnsiConsole console, BatchEvent e)
    {
        switch (e.Kind)
        {
            case BatchEventKind.ScenarioStarted:
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId}[/] started  #{e.ScenarioIndex} {e.ScenarioName} ({e.Symbol}, {e.TicksTotal:N0} ticks)");
                break;
            case BatchEventKind.ScenarioFinished when e.Status == "COMPLETED":
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId}[/] [green]finished[/] #{e.ScenarioIndex} {e.ScenarioName}: {e.Trades} trades, balance {e.Balance:N2}");
                break;
            case BatchEventKind.ScenarioFinished:
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId}[/] [red]failed[/]   #{e.ScenarioIndex} {e.ScenarioName}: {e.Message}");
                break;
            case BatchEventKind.Log when e.Level is "ERROR" or "WARN":
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId}[/] [yellow]{e.Level}[/] {e.ScenarioName}: {e.Message}");
                break;
        }
    }
}
