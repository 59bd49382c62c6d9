using MessagePack;

namespace Finiex.Protocol.Messages;

/// <summary>The parent's first frame on a new connection: its version and a fresh nonce the runner must answer to.</summary>
[MessagePackObject]
public sealed record HandshakeChallenge(
    [property: Key(0)] int ProtocolVersion,
    [property: Key(1)] string BuildId,
    [property: Key(2)] string Nonce);

/// <summary>
/// The runner's answer: who it is (run, runner id, process, where Slurm placed it) and <paramref name="Proof"/>, an
/// HMAC of both nonces and both ids under the run's secret. <paramref name="ProtocolVersion"/> comes first so that a
/// runner of another version is refused by name, whatever else its layout holds.
/// </summary>
[MessagePackObject]
public sealed record Handshake(
    [property: Key(0)] int ProtocolVersion,
    [property: Key(1)] string BuildId,
    [property: Key(2)] string Nonce,
    [property: Key(3)] int ProcessId,
    [property: Key(4)] string RunId,
    [property: Key(5)] string RunnerId,
    [property: Key(6)] string Host,
    [property: Key(7)] string Placement,
    [property: Key(8)] byte[] Proof);

/// <summary>
/// The parent's verdict. An accepted reply carries the parent's own <paramref name="Proof"/> (the runner runs nothing
/// for a parent that does not hold the secret); a refused one says why.
/// </summary>
[MessagePackObject]
public sealed record HandshakeReply(
    [property: Key(0)] bool Accepted,
    [property: Key(1)] int ProtocolVersion,
    [property: Key(2)] string BuildId,
    [property: Key(3)] string Nonce,
    [property: Key(4)] string? Reason,
    [property: Key(5)] byte[] Proof);
