using Finiex.Tests.Shared;

namespace Finiex.Cli.Tests;

/// <summary>Runs the finiex command tree in-process, capturing what it prints.</summary>
internal static class CliRunner
{
    public static string RepoRoot => RepoPaths.Root;

    public static string TestData => RepoPaths.TestData;

    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApplication.Run(args, new CliContext(output, error, interactive: false));
        return (code, output.ToString(), error.ToString());
    }
}
