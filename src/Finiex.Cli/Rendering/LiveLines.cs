using Finiex.Engine.Loop;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Sweeps;
using Spectre.Console;

namespace Finiex.Cli.Rendering;

/// <summary>
/// The live view when the error stream is not a terminal: plain greppable lines, one per scenario start and finish, per
/// warning and error, and per new best of a sweep, each with its slot (1..N), on the error stream (so --json output stays clean).
/// </summary>
internal static class LiveLines
{
    public static void NewBest(IAnsiConsole console, ScenarioOutcome best, double value, int? previous, SweepScore score) =>
        console.MarkupLineInterpolated(
            $"  NEW BEST #{best.Index} {best.Name}: {BatchResultRenderer.ScoreName(score)} {value:N2}{(previous is { } before ? $" (was #{before})" : "")}");

    public static void Write(IAnsiConsole console, BatchEvent e, LogLevelFilter level = LogLevelFilter.Warning)
    {
        switch (e.Kind)
        {
            case BatchEventKind.ScenarioStarted:
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId + 1}[/] started  #{e.ScenarioIndex} {e.ScenarioName} ({e.Symbol}, {e.TicksTotal:N0} ticks)");
                break;
            case BatchEventKind.ScenarioFinished when e.Status == ScenarioStatus.Completed:
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId + 1}[/] [green]finished[/] #{e.ScenarioIndex} {e.ScenarioName}: {e.Trades} trades, balance {e.Balance:N2}");
                break;
            case BatchEventKind.ScenarioFinished:
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId + 1}[/] [red]failed[/]   #{e.ScenarioIndex} {e.ScenarioName}: {e.Message}");
                break;
            case BatchEventKind.Log when level.Shows(e.Level) && (e.Level is "ERROR" or "FATAL" or "WARN" || level < LogLevelFilter.Info):
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId + 1}[/] [yellow]{e.Level}[/] {e.ScenarioName}: {e.Message}");
                break;
        }
    }
}
