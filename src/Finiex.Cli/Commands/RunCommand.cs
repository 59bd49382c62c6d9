using System.CommandLine;
using Finiex.Cli.Rendering;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary>
/// <c>finiex run SET.json</c>. For now it prepares the batch: validates the set, reports and skips the scenarios that
/// cannot run, and lists the runnable ones. The tick loop itself arrives with the engine (issue #3).
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var set = new Argument<string>("set") { Description = "The scenario set JSON file." };
        var store = CommonOptions.Store();
        var output = new Option<string>("--out") { Description = "Results folder.", DefaultValueFactory = _ => "results" };
        var command = new Command("run", "Run a scenario set (this build validates and prepares the batch; the engine is not in it yet).") { set, store, output };
        command.SetAction(parse =>
        {
            var report = ScenarioSetValidation.Validate(parse.GetValue(set)!, parse.GetValue(store));
            ValidationReportRenderer.Render(context.Console, report);
            var runnable = report.ToRunnableSet();
            if (runnable is null || runnable.Scenarios.Length == 0)
            {
                context.Console.MarkupLine("[red]Nothing can run:[/] fix the problems above (finiex validate shows them all).");
                return ExitCodes.InvalidInput;
            }

            var skipped = report.Scenarios.Count(s => s.Enabled && !s.IsValid);
            context.Console.MarkupLineInterpolated(
                $"[yellow]{runnable.Scenarios.Length} scenario(s) ready, {skipped} skipped as invalid. This build stops after validation: the backtest engine is not implemented yet (issue #3), so no results are written.[/]");
            return skipped > 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }
}
