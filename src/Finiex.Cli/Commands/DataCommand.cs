using System.CommandLine;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex data</c>: import ticks into the store and look at what it holds.</summary>
internal static class DataCommand
{
    public static Command Create(CliContext context) => new("data", "Import tick data and inspect the tick store.")
    {
        DataImportCommand.Create(context),
        DataListCommand.Create(context),
        DataVerifyCommand.Create(context),
        DataRemoveCommand.Create(context),
    };
}
