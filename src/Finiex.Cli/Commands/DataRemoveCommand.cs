using System.CommandLine;
using System.Globalization;
using Finiex.Data.Store;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex data remove SYMBOL [--days 2014-05-06,...]</c>: removes a symbol (healthy or damaged) or some of its days.</summary>
internal static class DataRemoveCommand
{
    public static Command Create(CliContext context)
    {
        var store = CommonOptions.Store();
        var symbol = new Argument<string>("symbol") { Description = "The symbol to remove, e.g. EURUSD." };
        var days = new Option<string[]>("--days")
        {
            Description = "Remove only these UTC days (YYYY-MM-DD, comma- or space-separated); the source files that held them are forgotten so they can be imported again.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("remove", "Remove a symbol, or some of its days, from the store (also a damaged one).") { symbol, store, days };
        command.SetAction(parse =>
        {
            var tickStore = TickStore.Resolve(parse.GetValue(store));
            var name = parse.GetValue(symbol)!;
            if (!tickStore.Exists)
            {
                context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] there is no tick store at {tickStore.Root} (give it with --store DIR).");
                return ExitCodes.InvalidInput;
            }

            if (!tickStore.Contains(name))
            {
                context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] {name} is not in {tickStore.Root}; finiex data list --store {tickStore.Root} shows what is.");
                return ExitCodes.InvalidInput;
            }

            var chosen = new HashSet<DateOnly>();
            foreach (var text in (parse.GetValue(days) ?? []).SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] --days: '{text}' is not a date in the form YYYY-MM-DD (e.g. 2014-05-06).");
                    return ExitCodes.InvalidInput;
                }

                chosen.Add(day);
            }

            try
            {
                using var held = SymbolLock.Acquire(tickStore, name, TimeSpan.FromMinutes(10),
                    message => context.ErrorConsole.MarkupLineInterpolated($"[yellow]note:[/] {message}"));
                if (chosen.Count == 0)
                {
                    tickStore.Remove(name);
                    context.Console.MarkupLineInterpolated($"Removed {name} from {tickStore.Root}.");
                    return ExitCodes.Success;
                }

                if (tickStore.Damage(name) is { } damage)
                {
                    context.ErrorConsole.MarkupLineInterpolated(
                        $"[red]error:[/] {name} is damaged ({damage.Problem}): its days cannot be told apart. Remove it whole: finiex data remove {name} --store {tickStore.Root}");
                    return ExitCodes.Failed;
                }

                var (removed, forgotten) = tickStore.RemoveDays(name, chosen);
                context.Console.MarkupLineInterpolated($"Removed {removed:N0} ticks of {chosen.Count} day(s) from {name}{(tickStore.Contains(name) ? "" : " (nothing was left: the symbol is gone)")}.");
                foreach (var source in forgotten)
                {
                    context.Console.MarkupLineInterpolated($"  forgot source {source.Path}: importing it again adds its ticks back (with --replace if it also holds days that were kept)");
                }

                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoreCorruptException)
            {
                context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
