using System.Diagnostics;
using System.Globalization;
using Finiex.Orchestration.Processes.Launch;
using Finiex.Orchestration.Processes.Transport;
using Finiex.Protocol;
using Finiex.Protocol.Security;

namespace Finiex.Orchestration.Processes;

/// <summary>
/// Starts the runners of one run: launches each (<see cref="IRunnerLauncher"/>), expects it on the transport
/// (<see cref="IRunnerTransport"/>) under a fresh runner id, and opens a session once it proved the run's secret. The
/// secret goes to the runner in its environment; its command line names only where to connect and who it is.
/// </summary>
internal sealed class RunnerFactory : IAsyncDisposable
{
    private static int s_runners;
    private readonly RunnerLaunch _launch;
    private readonly IRunnerTransport _transport;
    private readonly IRunnerLauncher _launcher;
    private readonly RunSecret _secret;

    private readonly Lazy<TickShipment?> _shipping;

    /// <param name="decideShipping">Decides, once runners can be launched (the nodes are known), whether ticks are shipped.</param>
    public RunnerFactory(RunnerLaunch launch, IRunnerTransport transport, IRunnerLauncher launcher, RunSecret secret, string runId, Func<TickShipment?>? decideShipping = null)
    {
        (_launch, _transport, _launcher, _secret, RunId) = (launch, transport, launcher, secret, runId);
        _shipping = new Lazy<TickShipment?>(() => decideShipping?.Invoke());
    }

    /// <summary>Runner processes on this machine, over named pipes.</summary>
    public static RunnerFactory Local(RunnerLaunch launch)
    {
        var secret = RunSecret.Create();
        var runId = NewRunId();
#pragma warning disable CA2000 // the factory owns its transport
        return new RunnerFactory(launch, new NamedPipeTransport(secret, runId), LocalLauncher.Instance, secret, runId);
#pragma warning restore CA2000
    }

    public static string NewRunId() => RunSecret.NewNonce()[..12].ToLowerInvariant();

    public string RunId { get; }

    public IRunnerLauncher Launcher => _launcher;

    /// <summary>Ticks shipped in requests (runners that cannot read the store); null when runners read it. Decided at the first runner's start.</summary>
    public TickShipment? Shipping => _shipping.Value;

    /// <summary>What was shipped, once a runner started (null before, or when runners read the store).</summary>
    public TickShipment? Shipped => _shipping.IsValueCreated ? _shipping.Value : null;

    public bool RetriesLostRunners => _launcher.RetriesLostRunners;

    public async Task<RunnerSession> StartAsync(CancellationToken cancellationToken)
    {
        await _launcher.ReadyAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var runnerId = string.Create(CultureInfo.InvariantCulture, $"fx-{Environment.ProcessId}-{Interlocked.Increment(ref s_runners)}");
        await using var endpoint = _transport.Expect(runnerId);
        var environment = new Dictionary<string, string?>(_launch.Environment) { [RunSecret.Variable] = _secret.Encoded };
        var process = LaunchedRunner.Start(_launcher.Command(_launch,
            [.. endpoint.Arguments, "--run-id", RunId, "--runner-id", runnerId, "--protocol", ProtocolVersion.Current.ToString(CultureInfo.InvariantCulture)], environment));
        try
        {
            var limit = _launch.StartTimeout;
            using var start = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            start.CancelAfter(limit);
            var connect = endpoint.ConnectedAsync(start.Token);
            if (await Task.WhenAny(connect, process.Exited).ConfigureAwait(false) != connect)
            {
                var loss = await _launcher.ExplainLossAsync().ConfigureAwait(false);
                throw new RunnerStartException($"The runner (pid {process.ProcessId}) exited before connecting ({process.ExitText}). {(loss is null ? "" : loss + ". ")}{process.Tail()}".TrimEnd());
            }

            try
            {
                var connection = await connect.ConfigureAwait(false);
                return new RunnerSession(_launch, process, connection, _launcher, Shipping, clock.Elapsed);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RunnerStartException($"The runner (pid {process.ProcessId}) did not connect within {limit.TotalSeconds:0} s. {process.Tail()}".TrimEnd());
            }
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync().ConfigureAwait(false);
        await _launcher.DisposeAsync().ConfigureAwait(false);
    }
}
