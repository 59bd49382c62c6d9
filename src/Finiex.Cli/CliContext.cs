using Spectre.Console;

namespace Finiex.Cli;

/// <summary>Where a command writes: machine output (JSON) to <see cref="Out"/>, tables and messages to the console.</summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool interactive, bool? errorInteractive = null)
    {
        var errorIsTerminal = errorInteractive ?? interactive;
        Out = output;
        Error = error;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            Console.Profile.Width = 160;
        }

        ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = errorIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = errorIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!errorIsTerminal)
        {
            ErrorConsole.Profile.Width = 160;
        }

        CanDrawLive = errorIsTerminal && ErrorConsole.Profile.Capabilities.Ansi;
    }

    /// <summary>True when the error stream is a terminal that can redraw in place (the live panel of finiex run).</summary>
    public bool CanDrawLive { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Console { get; }

    public IAnsiConsole ErrorConsole { get; }

    public static CliContext ForProcess() =>
        new(System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected, !System.Console.IsErrorRedirected);
}
