using System.CommandLine;
using System.Text.Json;
using Finiex.Cli.Rendering;
using Finiex.Core.Scenarios;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Results;
using Finiex.Orchestration.Service;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary>
/// <c>finiex run SET.json</c>: validates the set, runs every runnable scenario (invalid ones become failed results) in
/// the chosen execution mode, writes the results folder and prints the tables. Exit 0 when all scenarios completed,
/// 1 when some failed, 2 when the set itself is unusable. First Ctrl+C cancels gracefully, the second kills runners.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var set = new Argument<string?>("set") { Description = "The scenario set JSON file (with --resume: the one the run was started with, by default).", Arity = ArgumentArity.ZeroOrOne };
        var resume = new Option<string?>("--resume")
        {
            Description = "Go on with an interrupted run's results folder: runs only the scenarios it did not complete (pending, failed, canceled, timed out); refuses a set that changed since.",
        };
        var store = CommonOptions.Store();
        var plugins = CommonOptions.Plugins();
        var output = new Option<string>("--out") { Description = "Results folder.", DefaultValueFactory = _ => "results" };
        var json = CommonOptions.Json("summary.json");
        var trace = new Option<bool>("--trace") { Description = "Also write each closed bar with every worker's value (scenarios/<name>/bars_<TF>.csv)." };
        var noProfile = new Option<bool>("--no-profile") { Description = "Switch per-operation profiling off." };
        var showProfile = new Option<bool>("--profile") { Description = "Also print the profiling tables (tick loop steps, worker decision, start-up) after the results." };
        var score = CommonOptions.Score();
        var minTrades = CommonOptions.MinTrades();
        var mode = new Option<string?>("--mode") { Description = "auto (threads under a debugger, else processes), sequential, threads or processes." };
        mode.AcceptOnlyFromAmong("auto", "sequential", "threads", "processes");
        var parallel = CommonOptions.Parallel("Slots running at once (default: execution.parallelism, else one per core).");
        var timeout = CommonOptions.ScenarioTimeout();
        var fuse = CommonOptions.FuseUpTo();
        var liveView = new Option<string>("--live")
        {
            Description = "Live view on the error stream: panel (per-slot table redrawn in place), lines (a line per start, finish and warning), none; auto picks panel on a terminal.",
            DefaultValueFactory = _ => "auto",
        };
        liveView.AcceptOnlyFromAmong("auto", "panel", "lines", "none");
        var logLevel = new Option<LogLevelFilter>("--log-level")
        {
            Description = "Lowest level of the log lines the live view shows: debug, info (default), warning or error (the log files get every line).",
            DefaultValueFactory = _ => LogLevelFilter.Info,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No live view and no tables: only errors and where the results and the report are." };
        var cluster = new ClusterOptions();
        var command = new Command("run", "Run a scenario set and write its results.") { set, resume, store, plugins, output, json, quiet, trace, noProfile, showProfile, score, minTrades, mode, parallel, timeout, fuse, liveView, logLevel };
        foreach (var option in cluster.All)
        {
            command.Options.Add(option);
        }

        cluster.Validate(command, mode);
        command.SetAction(async (parse, _) =>
        {
            if (parse.GetValue(mode) is not ("sequential" or "threads"))
            {
                BatchOrchestrator.StartSerializerWarmup(); // on another core while the set is validated (processes: -0.15 s of batch wall)
            }

            var jsonMode = parse.GetValue(json);
            var console = jsonMode ? context.ErrorConsole : context.Console;
            using var job = new BatchJob(new BatchRequest
            {
                SetFile = parse.GetValue(set),
                ResumeFolder = parse.GetValue(resume),
                StoreFolder = parse.GetValue(store),
                Plugins = parse.GetValue(plugins) ?? [],
                OutRoot = parse.GetValue(output)!,
                Mode = parse.GetValue(mode) is { } m ? Enum.Parse<ExecutionMode>(m, ignoreCase: true) : null,
                Cluster = cluster.Read(parse, parse.GetValue(parallel)),
                Parallel = parse.GetValue(parallel),
                ScenarioTimeout = parse.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                FuseUpTo = parse.GetValue(fuse),
                Profiling = !parse.GetValue(noProfile),
                TraceBars = parse.GetValue(trace),
                Score = parse.GetValue(score),
                MinTrades = parse.GetValue(minTrades),
            });
            try
            {
                var validated = job.Validate();
                ValidationReportRenderer.Render(console, validated, problemsOnly: true);
                job.Prepare();
            }
            catch (BatchJobException ex)
            {
                if (job.Report is { } invalid && ex.Error is BatchJobError.SetUnusable or BatchJobError.NothingRunnable)
                {
                    ValidationReportRenderer.Render(console, invalid, problemsOnly: true);
                    console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                }
                else
                {
                    context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                }

                return ExitCodes.InvalidInput;
            }

            var (report, plan, results, hub) = (job.Report!, job.Plan!, job.Results, job.Events);
            if (!parse.GetValue(quiet))
            {
                if (job.Resumed is { } resumed)
                {
                    console.MarkupLineInterpolated($"Resuming {resumed.Run.Folder}: {resumed.Kept.Count} scenario(s) completed before are kept; the others run.");
                }

                var planned = report.Scenarios.Count(s => s.Enabled);
                var toRun = planned - (job.Resumed?.Kept.Count ?? 0);
                console.MarkupLineInterpolated($"Running {(job.Resumed is null ? "" : $"{toRun} of ")}{planned} scenario(s) of [bold]{report.Name}[/]: {plan.Reason}, {plan.Parallelism} slot(s); results in {results.FullPath}");
            }

            var resultView = new ResultView(parse.GetValue(score), parse.GetValue(minTrades), parse.GetValue(showProfile));
            var view = parse.GetValue(quiet) ? "none" : parse.GetValue(liveView) switch
            {
                "auto" => context.CanDrawLive ? "panel" : "lines",
                var chosen => chosen!,
            };
            var finished = new FinishedScenarios(resultView);
            var panel = view == "panel"
                ? new LivePanel(hub, new LiveSetup(report.Name, $"{plan.Mode.ToString().ToLowerInvariant()} × {plan.Parallelism}", plan.Parallelism,
                    report.Scenarios.Count(s => s.Enabled), job.Size?.Ticks, parse.GetValue(logLevel)), finished)
                : null;
            finished.NewBest += (best, value, previous) =>
            {
                panel?.OnNewBest();
                if (view == "lines")
                {
                    LiveLines.NewBest(context.ErrorConsole, best, value, previous, resultView.Score);
                }
            };
            using var lineEvents = view == "lines" ? hub.Subscribe() : null;
            var lines = lineEvents is null ? Task.CompletedTask : Task.Run(async () =>
            {
                await foreach (var e in lineEvents.ReadAllAsync(CancellationToken.None))
                {
                    LiveLines.Write(context.ErrorConsole, e, parse.GetValue(logLevel));
                }
            }, CancellationToken.None);

            using var interrupts = new BatchInterrupts(() =>
            {
                if (panel is null)
                {
                    context.Error.WriteLine("Canceling: running scenarios stop at their next checkpoint; results so far will be written. Press Ctrl+C again to kill the runners.");
                }

                panel?.MarkCanceling();
            });
            try
            {
                var running = job.RunAsync(finished, interrupts.Cancel, interrupts.Kill);
                if (panel is not null)
                {
                    await panel.ShowAsync(context.ErrorConsole, running);
                }

                var completion = job.Complete(await running);
                await lines; // the queue ends with the batch's last event
                var batch = completion.Batch;
                if (jsonMode)
                {
                    context.Out.WriteLine(JsonSerializer.Serialize(results.Final(batch), ResultsJson.Options));
                }
                else if (!parse.GetValue(quiet))
                {
                    BatchResultRenderer.Render(context.Console, batch, resultView);
                }

                foreach (var (scenario, error) in completion.WriteErrors)
                {
                    context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] the files of scenario {scenario} could not be written: {error}");
                }

                if (completion.SummaryError is { } summaryError)
                {
                    context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] {summaryError}");
                }

                if (batch.Cluster is { } placement)
                {
                    console.MarkupLineInterpolated($"Ran on {placement}");
                }

                console.MarkupLineInterpolated($"Results: {results.FullPath}");
                if (completion.ReportPath is { } reportPath)
                {
                    console.MarkupLineInterpolated($"Report:  {reportPath}");
                }

                return batch.AllCompleted && completion.AllWritten ? ExitCodes.Success : ExitCodes.Failed;
            }
            catch (FileNotFoundException ex)
            {
                context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
