namespace Finiex.Orchestration.Processes;

/// <summary>
/// How to start a runner: the built <c>finiex-runner.dll</c> run by the dotnet host (never through <c>dotnet run</c>),
/// extra environment variables, and the watchdog and handshake limits.
/// </summary>
public sealed record RunnerLaunch
{
    public const string PathVariable = "FINIEX_RUNNER_PATH";

    public required string RunnerDll { get; init; }
    public string Host { get; init; } = DefaultHost();
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
    /// <summary>A busy runner that sends nothing for this long is taken as hung (it heartbeats every second).</summary>
    public TimeSpan Watchdog { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>How long a canceled scenario may take to stop at its next checkpoint before its runner is killed.</summary>
    public TimeSpan CancelGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The runner next to this program (the CLI ships it), or the one named by FINIEX_RUNNER_PATH.</summary>
    public static RunnerLaunch Default()
    {
        var path = System.Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "finiex-runner.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The runner executable was not found at {path}. Build the solution (it is copied next to finiex), or set {PathVariable}.", path);
        }

        return new RunnerLaunch { RunnerDll = path };
    }

    private static string DefaultHost() =>
        System.Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet"
            ? current
            : System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
