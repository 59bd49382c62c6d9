using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Finiex.Protocol;
using Finiex.Protocol.Security;

namespace Finiex.Orchestration.Processes.Transport;

/// <summary>
/// One TCP listener for every runner of a run, wherever they were placed: each dials back with the run's id and its
/// runner id, and proves the run's secret. A connection that fails the handshake (another version or build, a wrong
/// secret, another run, a runner id nobody launched) is refused, closed and reported through <paramref name="refused"/>.
/// </summary>
internal sealed class TcpRunnerListener : IRunnerTransport
{
    private readonly TcpListener _listener;
    private readonly RunSecret _secret;
    private readonly string _runId;
    private readonly Action<string> _refused;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RunnerConnection>> _expected = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    /// <param name="bind">The address and port to listen on (port 0: any free one).</param>
    /// <param name="advertisedHost">The name or address runners dial (this host as the nodes see it).</param>
    public TcpRunnerListener(IPEndPoint bind, string advertisedHost, RunSecret secret, string runId, Action<string> refused)
    {
        (_secret, _runId, _refused) = (secret, runId, refused);
        _listener = new TcpListener(bind);
        _listener.Start();
        Address = new HostPort(advertisedHost, ((IPEndPoint)_listener.LocalEndpoint).Port).ToString();
        _accepting = Task.Run(AcceptLoopAsync);
    }

    /// <summary>HOST:PORT as runners are told to dial it.</summary>
    public string Address { get; }

    public RunnerEndpoint Expect(string runnerId)
    {
        var arrival = new TaskCompletionSource<RunnerConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        _expected[runnerId] = arrival;
        return new TcpEndpoint(this, runnerId, arrival);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => AdmitAsync(socket));
        }
    }

    private async Task AdmitAsync(Socket socket)
    {
        var from = socket.RemoteEndPoint?.ToString() ?? "?";
        socket.NoDelay = true;
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
#pragma warning disable CA2000 // AcceptAsync owns the stream: the connection keeps it, or it is closed
        var (connection, refusal) = await RunnerConnection.AcceptAsync(new NetworkStream(socket, ownsSocket: true), _secret, _runId,
            identity => _expected.ContainsKey(identity.RunnerId) ? null : $"runner id {identity.RunnerId} was not launched by this run, or is connected already",
            _stop.Token).ConfigureAwait(false);
#pragma warning restore CA2000
        if (connection is null)
        {
            _refused($"Refused a runner connection from {from}: {refusal}");
            return;
        }

        if (!_expected.TryRemove(connection.Identity.RunnerId, out var arrival) || !arrival.TrySetResult(connection))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class TcpEndpoint(TcpRunnerListener listener, string runnerId, TaskCompletionSource<RunnerConnection> arrival) : RunnerEndpoint
    {
        public override IReadOnlyList<string> Arguments => ["--connect", listener.Address];

        public override async Task<RunnerConnection> ConnectedAsync(CancellationToken cancellationToken) =>
            await arrival.Task.WaitAsync(cancellationToken).ConfigureAwait(false);

        public override ValueTask DisposeAsync()
        {
            listener._expected.TryRemove(runnerId, out _);
            arrival.TrySetCanceled(); // no-op once connected: the session owns the connection then
            return ValueTask.CompletedTask;
        }
    }
}
