using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Orchestration.Execution;

namespace Finiex.Orchestration.Processes;

/// <summary>
/// A slot backed by a runner (a process here, or a Slurm step), reused across scenarios. A runner that failed is replaced
/// before the next scenario; a runner that cannot be started fails the scenario with the reason instead of stopping the batch.
/// </summary>
internal sealed class RunnerProcessSlot(int slotId, RunnerFactory runners) : IExecutionSlot
{
    private readonly bool _ownsFactory;
    private RunnerSession? _runner;

    /// <summary>A slot with its own local runner factory (a server's pool slot, a test's).</summary>
    public RunnerProcessSlot(int slotId, RunnerLaunch launch)
        : this(slotId, RunnerFactory.Local(launch))
    {
        _ownsFactory = true;
    }

    public bool RetriesLostRunners => runners.RetriesLostRunners;

    public int SlotId => slotId;

    /// <summary>Startup times (launch to accepted handshake) of every runner this slot started.</summary>
    public List<TimeSpan> RunnerStarts { get; } = [];

    /// <summary>Peak memory and CPU time of every runner this slot shut down or replaced.</summary>
    public List<RunnerUsage> Usage { get; } = [];

    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (_runner is null)
        {
            try
            {
                _runner = await runners.StartAsync(cancellationToken).ConfigureAwait(false);
                RunnerStarts.Add(_runner.StartupTime);
            }
            catch (Exception ex) when (ex is RunnerStartException or IOException or OperationCanceledException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // The first scenario tries again and reports the reason.
            }
        }
    }

    public async Task<ProcessResult> RunAsync(ProcessDataPackage package, SlotReporter reporter, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ProcessResult? result = null;
        await RunFusedAsync([package], _ => reporter, timeout, r => result = r, cancellationToken).ConfigureAwait(false);
        return result!;
    }

    public async Task RunFusedAsync(IReadOnlyList<ProcessDataPackage> packages, Func<ProcessDataPackage, SlotReporter> reporters, TimeSpan? timeout,
        Action<ProcessResult> finished, CancellationToken cancellationToken)
    {
        if (_runner is not { IsAlive: true })
        {
            if (_runner is not null)
            {
                await RetireAsync(_runner).ConfigureAwait(false);
                _runner = null;
            }

            try
            {
                _runner = await runners.StartAsync(cancellationToken).ConfigureAwait(false);
                RunnerStarts.Add(_runner.StartupTime);
            }
            catch (Exception ex) when (ex is RunnerStartException or IOException or OperationCanceledException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                foreach (var package in packages)
                {
                    finished(ProcessResult.Failed(package.ScenarioIndex, package.ScenarioName, package.Symbol,
                        cancellationToken.IsCancellationRequested ? FailureKind.Canceled : FailureKind.RunnerStartFailed, ex.Message));
                }

                return;
            }
        }

        await _runner.RunAsync(packages, reporters, timeout, finished, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the runner at once (a second Ctrl+C).</summary>
    public Task KillAsync() => _runner?.KillAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_runner is not null)
        {
            await RetireAsync(_runner).ConfigureAwait(false);
        }

        if (_ownsFactory)
        {
            await runners.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task RetireAsync(RunnerSession runner)
    {
        if (runner.SampleUsage() is { } usage)
        {
            Usage.Add(usage);
        }

        await runner.DisposeAsync().ConfigureAwait(false);
    }
}
