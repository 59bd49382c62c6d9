using System.CommandLine;
using System.Text.Json;
using Finiex.Cli.Rendering;
using Finiex.Data.Store;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex data list [--json]</c>: symbols, ranges, gaps and quality of the store.</summary>
internal static class DataListCommand
{
    public static Command Create(CliContext context)
    {
        var store = CommonOptions.Store();
        var json = CommonOptions.Json("the listing");
        var command = new Command("list", "List the store's symbols: range, ticks, days, gaps by category and import quality.") { store, json };
        command.SetAction(parse =>
        {
            var tickStore = TickStore.Resolve(parse.GetValue(store));
            if (!tickStore.Exists)
            {
                context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] there is no tick store at {tickStore.Root} (give it with --store DIR or FINIEX_STORE; finiex data import creates one).");
                return ExitCodes.InvalidInput;
            }

            var entries = new List<StoreListing>();
            foreach (var symbol in tickStore.Symbols())
            {
                entries.Add(StoreListing.For(tickStore, symbol));
            }

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new { store = tickStore.Root, symbols = entries.Select(e => e.ToJson()) }, CliJson.Options));
            }
            else if (entries.Count == 0)
            {
                context.Console.MarkupLineInterpolated($"The store {tickStore.Root} holds no symbols. Import some: finiex data import --help");
            }
            else
            {
                StoreListingRenderer.Render(context.Console, tickStore.Root, entries);
            }

            return entries.Any(e => e.Problem is not null) ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }
}
