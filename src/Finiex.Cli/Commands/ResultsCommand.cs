using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Finiex.Orchestration.Results;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex results list|prune</c>: the run folders under a results root, and retention.</summary>
internal static class ResultsCommand
{
    public static Command Create(CliContext context) => new("results", "List and prune run folders (results/<set>/<time>/).")
    {
        List(context),
        Prune(context),
    };

    private static Option<string> Root() => new("--out") { Description = "The results root, as given to finiex run --out.", DefaultValueFactory = _ => "results" };

    private static Command List(CliContext context)
    {
        var root = Root();
        var json = CommonOptions.Json("the runs");
        var command = new Command("list", "List the runs, newest first: set, start, status, scenarios, best net P&L, size, folder.") { root, json };
        command.SetAction(parse =>
        {
            var runs = RunListing.Find(parse.GetValue(root)!);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(runs, ResultsJson.Options));
                return ExitCodes.Success;
            }

            if (runs.Count == 0)
            {
                context.Console.MarkupLineInterpolated($"No runs under {Path.GetFullPath(parse.GetValue(root)!)} (finiex run SET.json --out DIR writes them).");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("set").AddColumn(new TableColumn("started (UTC)").NoWrap()).AddColumn("status")
                .AddColumn(new TableColumn("completed").RightAligned().NoWrap()).AddColumn(new TableColumn("best net P&L").RightAligned().NoWrap())
                .AddColumn(new TableColumn("size").RightAligned().NoWrap()).AddColumn("folder");
            foreach (var run in runs)
            {
                table.AddRow(new Text(run.Set), new Text(run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)), new Markup(StatusOf(run)),
                    new Text($"{run.Completed}/{run.Scenarios}"), new Text(run.BestNetProfit is { } best ? best.ToString("N2", CultureInfo.InvariantCulture) : "-"),
                    new Text(Size(run.Bytes)), new Text(run.Folder));
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Prune(CliContext context)
    {
        var root = Root();
        var keep = new Option<int?>("--keep") { Description = "Keep the newest N runs of each set." };
        var maxAge = new Option<double?>("--max-age-days") { Description = "Delete runs that started more than D days ago." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only say what would be deleted." };
        var command = new Command("prune", "Delete old runs (never one that is still running).") { root, keep, maxAge, dryRun };
        command.Validators.Add(result =>
        {
            if (result.GetValue(keep) is null && result.GetValue(maxAge) is null)
            {
                result.AddError("say what to keep: --keep N (newest runs per set) and/or --max-age-days D.");
            }
            else if (result.GetValue(keep) is < 0 || result.GetValue(maxAge) is < 0)
            {
                result.AddError("--keep and --max-age-days must be 0 or more.");
            }
        });
        command.SetAction(parse =>
        {
            var runs = RunListing.Find(parse.GetValue(root)!);
            var policy = new RetentionPolicy(parse.GetValue(keep), parse.GetValue(maxAge) is { } days ? TimeSpan.FromDays(days) : null);
            var prune = policy.ToPrune(runs, DateTimeOffset.UtcNow);
            var verb = parse.GetValue(dryRun) ? "would delete" : "deleting";
            foreach (var run in prune)
            {
                context.Console.MarkupLineInterpolated($"{verb} {run.Folder} ({run.Set}, {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {Size(run.Bytes)})");
            }

            var running = runs.Count(r => r.Running);
            var failed = parse.GetValue(dryRun) ? [] : RetentionPolicy.Delete(prune);
            foreach (var (run, error) in failed)
            {
                context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] {run.Folder} was not deleted: {error}");
            }

            context.Console.MarkupLineInterpolated(
                $"{prune.Count - failed.Count} of {runs.Count} run(s) {(parse.GetValue(dryRun) ? "would be deleted" : "deleted")}, {Size(prune.Sum(r => r.Bytes))}{(running > 0 ? $"; {running} running run(s) left alone" : "")}.");
            return failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static string StatusOf(RunEntry run) => run.Running ? "[blue]running[/]" : run.Complete ? "[green]complete[/]" : "[yellow]interrupted[/] (finiex run --resume)";

    private static string Size(long bytes) => bytes switch
    {
        >= 1 << 30 => $"{bytes / (double)(1 << 30):0.0} GB",
        >= 1 << 20 => $"{bytes / (double)(1 << 20):0.0} MB",
        _ => $"{bytes / 1024.0:0} KB",
    };
}
