using System.CommandLine;
using Finiex.Orchestration.Reports;
using Finiex.Orchestration.Results;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex report RESULTS_DIR</c>: makes report.html again from a results folder's files alone.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("results-dir") { Description = "A run's results folder (results/<set>/<time>)." };
        var score = CommonOptions.Score();
        var minTrades = CommonOptions.MinTrades();
        var command = new Command("report", "Write report.html of a results folder from its files (summary.json, each scenario's result.json).") { folder, score, minTrades };
        command.SetAction(parse =>
        {
            try
            {
                var run = RecordedRun.Read(parse.GetValue(folder)!);
                var path = HtmlReport.Write(run, parse.GetValue(score), parse.GetValue(minTrades));
                context.Console.MarkupLineInterpolated($"Report: {path} ({new FileInfo(path).Length / 1024.0:N0} KB, {run.Scenarios.Count} scenario(s){(run.Summary.Complete ? "" : "; the batch did not finish")})");
                return ExitCodes.Success;
            }
            catch (ResultsFolderException ex)
            {
                context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }
}
