namespace Finiex.Orchestration.Processes.Transport;

/// <summary>Where one expected runner connects: the arguments that tell it where, and its connection once it has proved itself.</summary>
internal abstract class RunnerEndpoint : IAsyncDisposable
{
    /// <summary>The runner's arguments naming this endpoint (<c>--pipe NAME</c> or <c>--connect HOST:PORT</c>).</summary>
    public abstract IReadOnlyList<string> Arguments { get; }

    /// <summary>Completes with the runner's connection after an accepted handshake; throws <see cref="RunnerStartException"/> on refusal.</summary>
    public abstract Task<RunnerConnection> ConnectedAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
