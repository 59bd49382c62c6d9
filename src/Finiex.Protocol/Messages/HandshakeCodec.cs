using System.Buffers;
using MessagePack;

namespace Finiex.Protocol.Messages;

/// <summary>
/// Encodes the handshake by hand (a plain MessagePack array): the first frame must not wait for MessagePack to generate
/// formatters, which would add hundreds of milliseconds to every runner's start. The layout is that of the attributed
/// records, so either side could decode it with the generated formatter too.
/// </summary>
public static class HandshakeCodec
{
    public static byte[] Encode(Handshake handshake)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(4);
        writer.Write(handshake.ProtocolVersion);
        writer.Write(handshake.BuildId);
        writer.Write(handshake.Nonce);
        writer.Write(handshake.ProcessId);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static Handshake DecodeHandshake(ReadOnlyMemory<byte> body)
    {
        var reader = new MessagePackReader(body);
        Expect(ref reader, 4);
        return new Handshake(reader.ReadInt32(), reader.ReadString() ?? "", reader.ReadString() ?? "", reader.ReadInt32());
    }

    public static byte[] Encode(HandshakeReply reply)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(5);
        writer.Write(reply.Accepted);
        writer.Write(reply.ProtocolVersion);
        writer.Write(reply.BuildId);
        writer.Write(reply.Nonce);
        if (reply.Reason is null)
        {
            writer.WriteNil();
        }
        else
        {
            writer.Write(reply.Reason);
        }

        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static HandshakeReply DecodeReply(ReadOnlyMemory<byte> body)
    {
        var reader = new MessagePackReader(body);
        Expect(ref reader, 5);
        var accepted = reader.ReadBoolean();
        var version = reader.ReadInt32();
        var build = reader.ReadString() ?? "";
        var nonce = reader.ReadString() ?? "";
        var reason = reader.TryReadNil() ? null : reader.ReadString();
        return new HandshakeReply(accepted, version, build, nonce, reason);
    }

    private static void Expect(ref MessagePackReader reader, int fields)
    {
        if (reader.ReadArrayHeader() != fields)
        {
            throw new Framing.ProtocolException("Malformed handshake.");
        }
    }
}
