using System.CommandLine;
using Finiex.Server;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex serve</c>: the run server (dashboard, REST API and WebSockets over batch jobs on one shared runner pool); Ctrl+C stops it.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (';' between several); beyond loopback only with --token.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var token = new Option<string?>("--token") { Description = "Require 'Authorization: Bearer TOKEN' on every call (default: $FINIEX_TOKEN)." };
        var output = new Option<string>("--out") { Description = "Results root (runs.db, the registry, and the run logs live there too).", DefaultValueFactory = _ => "results" };
        var configs = new Option<string>("--configs") { Description = "Where sets are started by name from (configs/scenario_sets/NAME.json); pasted sets are kept in its submitted/ folder.", DefaultValueFactory = _ => "configs" };
        var store = CommonOptions.Store();
        var maxQueued = new Option<int>("--max-queued") { Description = "Runs that may wait for a place; one more is refused with 429.", DefaultValueFactory = _ => 20 };
        var keepDays = new Option<double>("--keep-days") { Description = "Delete finished runs older than this many days (0: never).", DefaultValueFactory = _ => 30 };
        var keepPerSet = new Option<int>("--keep-per-set") { Description = "Keep at most this many finished runs per set, deleting the oldest (0: no limit).", DefaultValueFactory = _ => 50 };
        var command = new Command("serve", $"Serve batch runs: the dashboard at /, the REST API (/runs, /metrics, /openapi/v1.json) and live WebSockets (/ws); at most ${ServerSettings.MaxParallelRunsVariable} runs at once (default 2).")
        {
            urls, token, output, configs, store, maxQueued, keepDays, keepPerSet,
        };
        command.SetAction(async (parse, _) =>
        {
            var settings = new ServerSettings
            {
                ResultsRoot = Path.GetFullPath(parse.GetValue(output)!),
                ConfigsFolder = Path.GetFullPath(parse.GetValue(configs)!),
                StoreFolder = parse.GetValue(store),
                Token = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("FINIEX_TOKEN"),
                MaxQueuedRuns = Math.Max(0, parse.GetValue(maxQueued)),
                KeepDays = Math.Max(0, parse.GetValue(keepDays)),
                KeepRunsPerSet = Math.Max(0, parse.GetValue(keepPerSet)),
            };
            var listen = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = ServerApp.Build(settings, listen);
            }
            catch (ArgumentException ex)
            {
                context.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.InvalidInput;
            }

            await using (app)
            {
                var access = settings.Token is null ? "loopback only, no token" : "token required";
                context.ErrorConsole.MarkupLine(
                    $"finiex serve: open {Markup.Escape(string.Join(" ", listen))} in a browser. Results and runs.db in {Markup.Escape(settings.ResultsRoot)}, sets from {Markup.Escape(settings.ConfigsFolder)}; {settings.MaxParallelRuns} run(s) at once, {settings.MaxQueuedRuns} waiting; {access}. Ctrl+C stops it.");
                await app.RunAsync();
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
