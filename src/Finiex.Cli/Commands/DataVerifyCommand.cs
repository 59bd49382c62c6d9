using System.CommandLine;
using Finiex.Data.Store;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex data verify [SYMBOL...]</c>: checks every checksum of the named (or all) symbols.</summary>
internal static class DataVerifyCommand
{
    public static Command Create(CliContext context)
    {
        var store = CommonOptions.Store();
        var symbols = new Argument<string[]>("symbols") { Description = "Symbols to verify (default: all).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("verify", "Check the store's files against their checksums and manifests.") { store, symbols };
        command.SetAction(parse =>
        {
            var tickStore = TickStore.Resolve(parse.GetValue(store));
            if (!tickStore.Exists)
            {
                context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] there is no tick store at {tickStore.Root}: nothing to verify (give the store with --store DIR or FINIEX_STORE).");
                return ExitCodes.InvalidInput;
            }

            var names = parse.GetValue(symbols) is { Length: > 0 } given ? given : [.. tickStore.Symbols()];
            var failed = 0;
            foreach (var symbol in names)
            {
                if (!tickStore.Contains(symbol))
                {
                    context.Console.MarkupLineInterpolated($"[red]missing[/] {symbol}: not in {tickStore.Root}");
                    failed++;
                    continue;
                }

                var listing = StoreListing.For(tickStore, symbol);
                if (listing.Problem is null)
                {
                    context.Console.MarkupLineInterpolated($"[green]ok[/]      {symbol}: {listing.Manifest!.TickCount:N0} ticks");
                }
                else
                {
                    context.Console.MarkupLineInterpolated($"[red]damaged[/] {symbol}: {listing.Problem}");
                    failed++;
                }
            }

            return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
