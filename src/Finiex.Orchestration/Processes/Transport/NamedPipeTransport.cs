using System.IO.Pipes;
using Finiex.Protocol.Security;

namespace Finiex.Orchestration.Processes.Transport;

/// <summary>A named pipe per runner, this process its server: runners on this machine.</summary>
internal sealed class NamedPipeTransport(RunSecret secret, string runId) : IRunnerTransport
{
    public RunnerEndpoint Expect(string runnerId) => new PipeEndpoint(runnerId, secret, runId);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class PipeEndpoint(string runnerId, RunSecret secret, string runId) : RunnerEndpoint
    {
        private readonly NamedPipeServerStream _pipe = new(runnerId, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        private bool _handedOver;

        public override IReadOnlyList<string> Arguments => ["--pipe", runnerId];

        public override async Task<RunnerConnection> ConnectedAsync(CancellationToken cancellationToken)
        {
            await _pipe.WaitForConnectionAsync(cancellationToken).ConfigureAwait(false);
            _handedOver = true; // the connection owns the pipe from here, accepted or closed
            var (connection, refusal) = await RunnerConnection.AcceptAsync(_pipe, secret, runId,
                identity => identity.RunnerId == runnerId ? null : $"runner id {identity.RunnerId} on the pipe of {runnerId}", cancellationToken).ConfigureAwait(false);
            return connection ?? throw new RunnerStartException($"Refused the runner: {refusal}.");
        }

        public override async ValueTask DisposeAsync()
        {
            if (!_handedOver)
            {
                await _pipe.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
