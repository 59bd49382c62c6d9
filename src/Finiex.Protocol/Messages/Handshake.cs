using MessagePack;

namespace Finiex.Protocol.Messages;

/// <summary>The first frame both ways. The reply echoes the nonce; any difference in version or build is refused.</summary>
[MessagePackObject]
public sealed record Handshake(
    [property: Key(0)] int ProtocolVersion,
    [property: Key(1)] string BuildId,
    [property: Key(2)] string Nonce,
    [property: Key(3)] int ProcessId);

[MessagePackObject]
public sealed record HandshakeReply(
    [property: Key(0)] bool Accepted,
    [property: Key(1)] int ProtocolVersion,
    [property: Key(2)] string BuildId,
    [property: Key(3)] string Nonce,
    [property: Key(4)] string? Reason);
