using CliWrap;

namespace Finiex.Orchestration.Processes.Launch;

/// <summary>Runners as child processes of this one, started by the dotnet host (never through <c>dotnet run</c>).</summary>
internal sealed class LocalLauncher : IRunnerLauncher
{
    public static readonly LocalLauncher Instance = new();

    public bool IsRunnerProcess => true;

    public bool RetriesLostRunners => false;

    public string? Placement => null;

    public Task ReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Command Command(RunnerLaunch launch, IReadOnlyList<string> runnerArguments, IReadOnlyDictionary<string, string?> environment) =>
        Cli.Wrap(launch.Host).WithArguments(["exec", launch.RunnerDll, .. runnerArguments]).WithEnvironmentVariables(environment);

    public Task<string?> ExplainLossAsync() => Task.FromResult<string?>(null);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
