using System.CommandLine;
using Finiex.Cli.Commands;

namespace Finiex.Cli;

/// <summary>The <c>finiex</c> command tree. Tests call <see cref="Run"/> in-process with their own writers.</summary>
public static class CliApplication
{
    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("Finiex: tick-level backtesting for FX and CFD traders.")
        {
            DataCommand.Create(context),
            ValidateCommand.Create(context),
            RunCommand.Create(context),
            ReportCommand.Create(context),
            ResultsCommand.Create(context),
            ServeCommand.Create(context),
            BenchCommand.Create(context),
            CatalogCommand.Create(context),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"error: {error.Message}");
            }

            context.Error.WriteLine("Run 'finiex --help' (or 'finiex <command> --help') for usage.");
            return ExitCodes.InvalidInput;
        }

        // ProcessTerminationTimeout = null: System.CommandLine would otherwise end the process 2 s after Ctrl+C, before
        // a canceled batch has written its results; finiex run handles Ctrl+C itself (first press cancels, second kills).
        return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, ProcessTerminationTimeout = null });
    }
}
