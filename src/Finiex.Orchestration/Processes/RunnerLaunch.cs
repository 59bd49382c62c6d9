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
    /// <summary>A scenario whose tick loop passes no checkpoint for this long (heartbeats flowing) is taken as hung.</summary>
    public TimeSpan StallLimit { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>How long a canceled scenario may take to stop at its next checkpoint before its runner is killed.</summary>
    public TimeSpan CancelGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The runner named by FINIEX_RUNNER_PATH, else the ReadyToRun runner the CLI ships in runner/, else the one next to
    /// this program (the plain build, as test projects have it).
    /// </summary>
    public static RunnerLaunch Default() => Default(AppContext.BaseDirectory);

    /// <summary>As <see cref="Default()"/>, for a program in <paramref name="programDirectory"/>.</summary>
    public static RunnerLaunch Default(string programDirectory)
    {
        var readyToRun = Path.Combine(programDirectory, "runner", "finiex-runner.dll");
        var path = System.Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured
            : File.Exists(readyToRun) ? readyToRun
            : Path.Combine(programDirectory, "finiex-runner.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The runner executable was not found at {path}. Build the solution (it is copied next to finiex), or set {PathVariable}.", path);
        }

        return new RunnerLaunch { RunnerDll = path };
    }

    /// <summary>The dotnet host: this process if it is one, else DOTNET_HOST_PATH, else the host of the running runtime, else PATH.</summary>
    private static string DefaultHost()
    {
        if (System.Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        if (System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var runtimeHost = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..",
            OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(runtimeHost) ? runtimeHost : "dotnet";
    }
}
