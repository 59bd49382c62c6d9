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
        switch (e)
        {
            case ScenarioStarted started:
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId + 1}[/] started  #{e.ScenarioIndex} {e.ScenarioName} ({e.Symbol}, {started.TicksTotal:N0} ticks)");
                break;
            case ScenarioFinished { Status: ScenarioStatus.Completed } done:
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId + 1}[/] [green]finished[/] #{e.ScenarioIndex} {e.ScenarioName}: {done.Trades} trades, balance {done.Balance:N2}");
                break;
            case ScenarioFinished failed:
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId + 1}[/] [red]failed[/]   #{e.ScenarioIndex} {e.ScenarioName}: {failed.Message}");
                break;
            case LogWritten { SlotId: -1, ScenarioIndex: -1 } line when level.Shows(line.Level):
                console.MarkupLineInterpolated($"  [grey]batch[/]  [yellow]{line.Level}[/] {line.Message}"); // where the batch runs (a Slurm job), refused runners
                break;
            case LogWritten line when level.Shows(line.Level) && (line.Level is "ERROR" or "FATAL" or "WARN" || level < LogLevelFilter.Info):
                console.MarkupLineInterpolated($"  [grey]slot {e.SlotId + 1}[/] [yellow]{line.Level}[/] {e.ScenarioName}: {line.Message}");
                break;
        }
    }
}
