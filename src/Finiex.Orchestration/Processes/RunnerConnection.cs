using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;
using Finiex.Protocol.Security;

namespace Finiex.Orchestration.Processes;

/// <summary>A runner that connected and proved it holds the run's secret: its stream, framing and who it says it is.</summary>
internal sealed class RunnerConnection : IAsyncDisposable
{
    private static readonly TimeSpan HandshakeLimit = TimeSpan.FromSeconds(10);

    private RunnerConnection(Stream stream, FrameReader reader, FrameWriter writer, Handshake identity)
    {
        Stream = stream;
        Reader = reader;
        Writer = writer;
        Identity = identity;
    }

    public Stream Stream { get; }

    public FrameReader Reader { get; }

    public FrameWriter Writer { get; }

    public Handshake Identity { get; }

    /// <summary>Where the runner is, for messages: its pid, and its host and Slurm placement when it has them.</summary>
    public string Describe() => Identity.Placement is { Length: > 0 } placement
        ? $"runner pid {Identity.ProcessId} on {Identity.Host}, {placement}"
        : $"runner pid {Identity.ProcessId}";

    /// <summary>
    /// The parent's side of the handshake on a fresh stream: the connection when the runner is accepted; else the reason,
    /// with the stream closed. <paramref name="admit"/> may refuse a runner this transport did not expect.
    /// </summary>
    public static async Task<(RunnerConnection? Connection, string? Refusal)> AcceptAsync(Stream stream, RunSecret secret, string runId, Func<Handshake, string?> admit,
        CancellationToken cancellationToken)
    {
        var reader = new FrameReader(stream);
#pragma warning disable CA2000 // handed to the connection, or disposed in the finally block
        FrameWriter? writer = new FrameWriter(stream);
#pragma warning restore CA2000
        string refusal;
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(HandshakeLimit);
            var (accepted, why) = await HandshakeExchange.AcceptAsync(reader, writer, secret, runId, admit, limit.Token).ConfigureAwait(false);
            if (accepted is not null)
            {
                var connection = new RunnerConnection(stream, reader, writer, accepted);
                writer = null; // the connection owns it
                return (connection, null);
            }

            refusal = why!;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            refusal = $"no handshake within {HandshakeLimit.TotalSeconds:0} s";
        }
        catch (Exception ex) when (ex is IOException or ProtocolException or EndOfStreamException or MessagePack.MessagePackSerializationException or InvalidOperationException)
        {
            refusal = $"a malformed handshake ({ex.Message})";
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false); // flushes the refusal, if it was queued
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }

        return (null, refusal);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync().ConfigureAwait(false);
        await Stream.DisposeAsync().ConfigureAwait(false);
    }
}
