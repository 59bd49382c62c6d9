namespace Finiex.Cli.Tests;

/// <summary>Runs the finiex command tree in-process, capturing what it prints.</summary>
internal static class CliRunner
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApplication.Run(args, new CliContext(output, error, interactive: false));
        return (code, output.ToString(), error.ToString());
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Finiex.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Finiex.sln not found above the test binaries.");
    }
}
