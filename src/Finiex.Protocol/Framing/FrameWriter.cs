using System.Buffers.Binary;
using System.Threading.Channels;
using MessagePack;

namespace Finiex.Protocol.Framing;

/// <summary>
/// The single writer of one side of a pipe: frames are queued on a bounded channel and written in order by one loop,
/// so concurrent senders never interleave bytes. Lossy messages (progress) use <see cref="TrySend"/> and are dropped
/// when the queue is full; everything else waits for room.
/// </summary>
public sealed class FrameWriter : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly Channel<(FrameKind Kind, byte[] Body)> _queue = Channel.CreateBounded<(FrameKind, byte[])>(
        new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _loop;

    public FrameWriter(Stream stream)
    {
        _stream = stream;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes when the write loop stops; faulted when the stream broke.</summary>
    public Task Completion => _loop;

    public ValueTask SendAsync<T>(FrameKind kind, T message, CancellationToken cancellationToken = default) =>
        _queue.Writer.WriteAsync((kind, MessagePackSerializer.Serialize(message, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>Queues a frame whose body is already encoded.</summary>
    public ValueTask SendRawAsync(FrameKind kind, byte[] body, CancellationToken cancellationToken = default) =>
        _queue.Writer.WriteAsync((kind, body), cancellationToken);

    /// <summary>Queues a frame if there is room; returns false (the frame is dropped) when there is not.</summary>
    public bool TrySend<T>(FrameKind kind, T message) => _queue.Writer.TryWrite((kind, MessagePackSerializer.Serialize(message)));

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task WriteLoopAsync()
    {
        var header = new byte[5];
        await foreach (var (kind, body) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            header[0] = (byte)kind;
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(1), body.Length);
            await _stream.WriteAsync(header).ConfigureAwait(false);
            await _stream.WriteAsync(body).ConfigureAwait(false);
            if (_queue.Reader.Count == 0)
            {
                await _stream.FlushAsync().ConfigureAwait(false);
            }
        }

        await _stream.FlushAsync().ConfigureAwait(false);
    }
}
