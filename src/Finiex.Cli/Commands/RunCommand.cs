using System.CommandLine;
using System.Text.Json;
using Finiex.Cli.Rendering;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Results;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary>
/// <c>finiex run SET.json</c>: validates the set, runs every runnable scenario (invalid ones become failed results),
/// writes the results folder and prints the tables. Exit 0 when all scenarios completed, 1 when some failed,
/// 2 when the set itself is unusable.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var set = new Argument<string>("set") { Description = "The scenario set JSON file." };
        var store = CommonOptions.Store();
        var output = new Option<string>("--out") { Description = "Results folder.", DefaultValueFactory = _ => "results" };
        var json = CommonOptions.Json("summary.json");
        var trace = new Option<bool>("--trace") { Description = "Also write each closed bar with every worker's value (scenarios/<name>/bars_<TF>.csv)." };
        var noProfile = new Option<bool>("--no-profile") { Description = "Switch per-operation profiling off." };
        var command = new Command("run", "Run a scenario set and write its results.") { set, store, output, json, trace, noProfile };
        command.SetAction((parse, cancellationToken) =>
        {
            var tickStore = TickStore.Resolve(parse.GetValue(store));
            var report = ScenarioSetValidation.Validate(parse.GetValue(set)!, parse.GetValue(store));
            var jsonMode = parse.GetValue(json);
            var console = jsonMode ? context.ErrorConsole : context.Console;
            ValidationReportRenderer.Render(console, report, problemsOnly: true);
            if (report.ToRunnableSet() is null)
            {
                console.MarkupLine("[red]The set cannot run:[/] fix the problems above (finiex validate lists them all).");
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            var executor = new SequentialExecutor(StrategyCatalog.CreateDefault());
            console.MarkupLineInterpolated($"Running {report.Scenarios.Count(s => s.Enabled)} scenario(s) of [bold]{report.Name}[/] ({executor.Mode}, in-process)");
            var batch = new BatchOrchestrator(tickStore, executor).Run(report, new BatchOptions
            {
                Profiling = !parse.GetValue(noProfile),
                TraceBars = parse.GetValue(trace),
            }, cancellationToken);
            var folder = ResultsWriter.Write(parse.GetValue(output)!, batch);
            if (jsonMode)
            {
                context.Out.WriteLine(JsonSerializer.Serialize(BatchSummary.From(batch), ResultsJson.Options));
            }
            else
            {
                BatchResultRenderer.Render(context.Console, batch);
            }

            console.MarkupLineInterpolated($"Results: {folder}");
            return Task.FromResult(batch.AllCompleted ? ExitCodes.Success : ExitCodes.Failed);
        });
        return command;
    }
}
