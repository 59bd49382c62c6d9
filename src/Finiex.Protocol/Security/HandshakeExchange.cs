using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;

namespace Finiex.Protocol.Security;

/// <summary>
/// Both sides of the handshake that opens every runner connection, whatever carries it (a named pipe, TCP):
/// the parent challenges with a nonce; the runner answers with its identity, its own nonce and a proof under the run's
/// secret; the parent checks version, build, run and proof and replies with its own proof, or a refusal that says why.
/// Until a runner is accepted the parent reads frames of at most <see cref="StrangerFrameBytes"/>.
/// </summary>
public static class HandshakeExchange
{
    public const int StrangerFrameBytes = 4096;

    /// <summary>The parent's side: the runner's handshake when accepted, else the reason it was refused (already sent to it).</summary>
    public static async Task<(Handshake? Accepted, string? Refusal)> AcceptAsync(FrameReader reader, FrameWriter writer, RunSecret secret, string runId,
        Func<Handshake, string?>? admit, CancellationToken cancellationToken)
    {
        var limit = reader.MaxFrameBytes;
        reader.MaxFrameBytes = StrangerFrameBytes;
        var parentNonce = RunSecret.NewNonce();
        await writer.SendRawAsync(FrameKind.Challenge, HandshakeCodec.Encode(new HandshakeChallenge(ProtocolVersion.Current, ProtocolVersion.BuildId, parentNonce)),
            cancellationToken).ConfigureAwait(false);
        var frame = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (frame is not { Kind: FrameKind.Handshake } first)
        {
            return (null, frame is null ? "it closed the connection before its handshake" : $"its first frame was {frame.Value.Kind}, not a handshake");
        }

        var handshake = HandshakeCodec.DecodeHandshake(first.Body);
        var refusal = handshake.ProtocolVersion != ProtocolVersion.Current ? $"protocol {handshake.ProtocolVersion} ≠ parent's {ProtocolVersion.Current}"
            : !RunSecret.Same(secret.RunnerProof(parentNonce, handshake.Nonce, handshake.RunId, handshake.RunnerId), handshake.Proof) ? "wrong secret (its proof does not match this run's key)"
            : handshake.RunId != runId ? $"run {handshake.RunId} is not this run ({runId})"
            : handshake.BuildId != ProtocolVersion.BuildId ? $"another build ({handshake.BuildId} ≠ parent's {ProtocolVersion.BuildId}): rebuild the solution so finiex and finiex-runner match"
            : admit?.Invoke(handshake);
        var proof = refusal is null ? secret.ParentProof(parentNonce, handshake.Nonce) : [];
        await writer.SendRawAsync(FrameKind.HandshakeReply,
            HandshakeCodec.Encode(new HandshakeReply(refusal is null, ProtocolVersion.Current, ProtocolVersion.BuildId, handshake.Nonce, refusal, proof)),
            cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        reader.MaxFrameBytes = limit;
        return (handshake, null);
    }

    /// <summary>The runner's side: returns when the parent accepted it and proved it holds the secret; throws otherwise.</summary>
    public static async Task ConnectAsync(FrameReader reader, FrameWriter writer, RunSecret secret, Handshake identity, CancellationToken cancellationToken)
    {
        var frame = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (frame is not { Kind: FrameKind.Challenge } first)
        {
            throw new HandshakeRefusedException(frame is null ? "the parent closed the connection before its challenge" : $"the parent sent {frame.Value.Kind} before its challenge");
        }

        var challenge = HandshakeCodec.DecodeChallenge(first.Body);
        if (challenge.ProtocolVersion != ProtocolVersion.Current)
        {
            throw new HandshakeRefusedException($"the parent speaks protocol {challenge.ProtocolVersion}, this runner {ProtocolVersion.Current}: rebuild both from one source tree");
        }

        var nonce = RunSecret.NewNonce();
        var handshake = identity with { Nonce = nonce, Proof = secret.RunnerProof(challenge.Nonce, nonce, identity.RunId, identity.RunnerId) };
        await writer.SendRawAsync(FrameKind.Handshake, HandshakeCodec.Encode(handshake), cancellationToken).ConfigureAwait(false);
        var replyFrame = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (replyFrame is not { Kind: FrameKind.HandshakeReply } answer)
        {
            throw new HandshakeRefusedException("the parent did not answer the handshake");
        }

        var reply = HandshakeCodec.DecodeReply(answer.Body);
        if (!reply.Accepted)
        {
            throw new HandshakeRefusedException($"refused by the parent: {reply.Reason}");
        }

        if (reply.Nonce != nonce || !RunSecret.Same(secret.ParentProof(challenge.Nonce, nonce), reply.Proof))
        {
            throw new HandshakeRefusedException("the parent could not prove it holds this run's secret");
        }
    }
}
