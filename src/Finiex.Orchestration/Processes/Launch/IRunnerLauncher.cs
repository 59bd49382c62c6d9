using CliWrap;

namespace Finiex.Orchestration.Processes.Launch;

/// <summary>How a runner process is started: here, or as a step of a Slurm job on whichever node Slurm picks.</summary>
internal interface IRunnerLauncher : IAsyncDisposable
{
    /// <summary>Whether the launched process is the runner itself (so its pid's CPU and memory are the runner's).</summary>
    bool IsRunnerProcess { get; }

    /// <summary>Whether a scenario whose runner was lost (killed from outside, its node gone) runs once more on another runner.</summary>
    bool RetriesLostRunners { get; }

    /// <summary>Where runners run when not on this machine (<c>slurm job 12 on node3, node4</c>), or null.</summary>
    string? Placement { get; }

    /// <summary>Waits until runners can be launched (a Slurm allocation granted); throws <see cref="RunnerStartException"/> when none can be.</summary>
    Task ReadyAsync(CancellationToken cancellationToken);

    /// <summary>The command that starts the runner with these arguments (after the runner's own executable) and environment.</summary>
    Command Command(RunnerLaunch launch, IReadOnlyList<string> runnerArguments, IReadOnlyDictionary<string, string?> environment);

    /// <summary>Why the runner's end was not its own doing (a Slurm job canceled or out of time), or null.</summary>
    Task<string?> ExplainLossAsync();
}
