using System.CommandLine;
using Finiex.Server;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex serve</c>: the run server (REST API over batch jobs on one shared runner pool); Ctrl+C stops it.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (';' between several).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var token = new Option<string?>("--token") { Description = "Require 'Authorization: Bearer TOKEN' on every call (default: $FINIEX_TOKEN; none: open to whoever reaches the address)." };
        var output = new Option<string>("--out") { Description = "Results root (runs.db, the registry, lives there too).", DefaultValueFactory = _ => "results" };
        var store = CommonOptions.Store();
        var maxQueued = new Option<int>("--max-queued") { Description = "Runs that may wait for a place; one more is refused with 429.", DefaultValueFactory = _ => 20 };
        var command = new Command("serve", $"Serve batch runs over HTTP: POST /api/runs, GET /api/runs[/ID], POST /api/runs/ID/cancel (at most ${ServerSettings.MaxParallelRunsVariable} runs at once, default 2).")
        {
            urls, token, output, store, maxQueued,
        };
        command.SetAction(async (parse, _) =>
        {
            var settings = new ServerSettings
            {
                ResultsRoot = Path.GetFullPath(parse.GetValue(output)!),
                StoreFolder = parse.GetValue(store),
                Token = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("FINIEX_TOKEN"),
                MaxQueuedRuns = Math.Max(0, parse.GetValue(maxQueued)),
            };
            await using var app = ServerApp.Build(settings, parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var access = settings.Token is null ? "[yellow]no token: anyone who reaches the address can run sets[/]" : "token required";
            context.ErrorConsole.MarkupLine(
                $"finiex serve on {Markup.Escape(parse.GetValue(urls)!)}: results and runs.db in {Markup.Escape(settings.ResultsRoot)}; {settings.MaxParallelRuns} run(s) at once, {settings.MaxQueuedRuns} waiting; {access}. Ctrl+C stops it.");
            await app.RunAsync();
            return ExitCodes.Success;
        });
        return command;
    }
}
