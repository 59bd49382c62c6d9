using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace Finiex.Protocol.Framing;

/// <summary>Reads frames <c>[u8 kind][i32 LE length][body]</c> from a stream with a <see cref="PipeReader"/>.</summary>
public sealed class FrameReader(Stream stream, int maxFrameBytes = ProtocolVersion.MaxFrameBytes)
{
    private const int HeaderBytes = 5;
    private readonly PipeReader _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));

    /// <summary>Frames longer than this are refused; small until a peer has proved itself (a stranger cannot make us buffer 256 MB).</summary>
    public int MaxFrameBytes { get; set; } = maxFrameBytes;

    /// <summary>
    /// The next frame, or null at the end of the stream (the other side closed it between frames); an
    /// <see cref="EndOfStreamException"/> when it ended inside one.
    /// </summary>
    public async ValueTask<Frame?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (TryParse(ref buffer, out var frame))
            {
                _reader.AdvanceTo(buffer.Start);
                return frame;
            }

            if (read.IsCompleted)
            {
                if (buffer.Length > 0)
                {
                    // The writer died while writing (a process exiting mid-frame): a lost connection, not a malformed frame.
                    throw new EndOfStreamException($"The stream ended inside a frame ({buffer.Length} bytes left over).");
                }

                return null;
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private bool TryParse(ref ReadOnlySequence<byte> buffer, out Frame frame)
    {
        frame = default;
        if (buffer.Length < HeaderBytes)
        {
            return false;
        }

        var reader = new SequenceReader<byte>(buffer);
        reader.TryRead(out var kind);
        Span<byte> lengthBytes = stackalloc byte[4];
        reader.TryCopyTo(lengthBytes);
        reader.Advance(4);
        var length = BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
        if (!Enum.IsDefined((FrameKind)kind))
        {
            throw new ProtocolException($"Unknown frame kind {kind}.");
        }

        if (length < 0 || length > MaxFrameBytes)
        {
            throw new ProtocolException($"Frame of {length} bytes is outside [0, {MaxFrameBytes}].");
        }

        if (reader.Remaining < length)
        {
            return false;
        }

        var body = buffer.Slice(HeaderBytes, length).ToArray();
        buffer = buffer.Slice(HeaderBytes + length);
        frame = new Frame((FrameKind)kind, body);
        return true;
    }
}
