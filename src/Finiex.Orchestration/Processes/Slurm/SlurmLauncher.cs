using CliWrap;

namespace Finiex.Orchestration.Processes.Slurm;

/// <summary>
/// Runners as steps of one Slurm job: each runner is <c>srun --jobid J --ntasks 1 --exact ...</c>, so Slurm places it on
/// a free CPU of the job's nodes, a lost runner is replaced by a new step in the same job, and the job is the one thing
/// to cancel. The run's secret reaches the step through srun's environment, never its command line. A scenario whose
/// runner was lost (its step canceled, its node gone) runs once more on a new runner.
/// </summary>
internal sealed class SlurmLauncher(SlurmOptions options, string jobName, Action<string> log) : Launch.IRunnerLauncher
{
    private readonly SlurmAllocation _allocation = SlurmAllocation.Request(options, jobName, log);

    public IReadOnlyList<string> Nodes => _allocation.Nodes;

    public bool IsRunnerProcess => false;

    public bool RetriesLostRunners => true;

    public string? Placement => _allocation.JobId is { } job ? $"slurm job {job} on {string.Join(", ", _allocation.Nodes)}" : null;

    public async Task ReadyAsync(CancellationToken cancellationToken)
    {
        await _allocation.GrantedAsync(cancellationToken).ConfigureAwait(false);
        if (await _allocation.EndedAsync().ConfigureAwait(false) is { } ended)
        {
            throw new RunnerStartException(ended);
        }
    }

    public Command Command(RunnerLaunch launch, IReadOnlyList<string> runnerArguments, IReadOnlyDictionary<string, string?> environment) =>
        Cli.Wrap("srun")
            .WithArguments(["--jobid", _allocation.JobId!, "--ntasks", "1", "--nodes", "1", "--exact", "--kill-on-bad-exit=1", "--job-name", "finiex-runner", "--quiet",
                launch.Host, "exec", launch.RunnerDll, .. runnerArguments])
            .WithEnvironmentVariables(environment);

    public Task<string?> ExplainLossAsync() => _allocation.EndedAsync();

    public ValueTask DisposeAsync() => _allocation.DisposeAsync();
}
