using System.Buffers;
using MessagePack;

namespace Finiex.Protocol.Messages;

/// <summary>
/// Encodes the handshake by hand (plain MessagePack arrays): the first frames must not wait for MessagePack to generate
/// formatters, which would add hundreds of milliseconds to every runner's start. The layouts are those of the attributed
/// records. Decoding reads the protocol version first and stops there when it is another one.
/// </summary>
public static class HandshakeCodec
{
    public static byte[] Encode(HandshakeChallenge challenge) => Write(3, (ref MessagePackWriter writer) =>
    {
        writer.Write(challenge.ProtocolVersion);
        writer.Write(challenge.BuildId);
        writer.Write(challenge.Nonce);
    });

    public static HandshakeChallenge DecodeChallenge(ReadOnlyMemory<byte> body)
    {
        var reader = new MessagePackReader(body);
        var fields = reader.ReadArrayHeader();
        var version = fields > 0 ? reader.ReadInt32() : 0;
        return version != ProtocolVersion.Current || fields != 3
            ? new HandshakeChallenge(version, "", "")
            : new HandshakeChallenge(version, reader.ReadString() ?? "", reader.ReadString() ?? "");
    }

    public static byte[] Encode(Handshake handshake) => Write(9, (ref MessagePackWriter writer) =>
    {
        writer.Write(handshake.ProtocolVersion);
        writer.Write(handshake.BuildId);
        writer.Write(handshake.Nonce);
        writer.Write(handshake.ProcessId);
        writer.Write(handshake.RunId);
        writer.Write(handshake.RunnerId);
        writer.Write(handshake.Host);
        writer.Write(handshake.Placement);
        writer.Write(handshake.Proof);
    });

    /// <summary>The runner's handshake; one of another protocol version comes back with only its version set.</summary>
    public static Handshake DecodeHandshake(ReadOnlyMemory<byte> body)
    {
        var reader = new MessagePackReader(body);
        var fields = reader.ReadArrayHeader();
        var version = fields > 0 ? reader.ReadInt32() : 0;
        if (version != ProtocolVersion.Current)
        {
            return new Handshake(version, "", "", 0, "", "", "", "", []);
        }

        Expect(fields, 9);
        return new Handshake(version, reader.ReadString() ?? "", reader.ReadString() ?? "", reader.ReadInt32(), reader.ReadString() ?? "",
            reader.ReadString() ?? "", reader.ReadString() ?? "", reader.ReadString() ?? "", reader.ReadBytes()?.ToArray() ?? []);
    }

    public static byte[] Encode(HandshakeReply reply) => Write(6, (ref MessagePackWriter writer) =>
    {
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

        writer.Write(reply.Proof);
    });

    public static HandshakeReply DecodeReply(ReadOnlyMemory<byte> body)
    {
        var reader = new MessagePackReader(body);
        Expect(reader.ReadArrayHeader(), 6);
        var accepted = reader.ReadBoolean();
        var version = reader.ReadInt32();
        var build = reader.ReadString() ?? "";
        var nonce = reader.ReadString() ?? "";
        var reason = reader.TryReadNil() ? null : reader.ReadString();
        var proof = reader.ReadBytes()?.ToArray() ?? [];
        return new HandshakeReply(accepted, version, build, nonce, reason, proof);
    }

    private delegate void Fields(ref MessagePackWriter writer);

    private static byte[] Write(int fields, Fields write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(fields);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Expect(int fields, int expected)
    {
        if (fields != expected)
        {
            throw new Framing.ProtocolException("Malformed handshake.");
        }
    }
}
