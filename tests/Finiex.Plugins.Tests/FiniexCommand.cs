using Finiex.Cli;

namespace Finiex.Plugins.Tests;

/// <summary>Runs the finiex command tree in-process, capturing what it prints.</summary>
internal static class FiniexCommand
{
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApplication.Run(args, new CliContext(output, error, interactive: false));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs it and asserts exit code 0, showing what it printed otherwise.</summary>
    public static void Succeeds(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == 0, $"finiex {string.Join(' ', args)} exited with {code}:\n{output}\n{error}");
    }
}
