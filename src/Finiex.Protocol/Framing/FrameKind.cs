namespace Finiex.Protocol.Framing;

/// <summary>The first byte of every frame: what its MessagePack body holds.</summary>
public enum FrameKind : byte
{
    Handshake = 1,
    HandshakeReply = 2,
    RunRequest = 3,
    Progress = 4,
    LogBatch = 5,
    Result = 6,
    Heartbeat = 7,
    Cancel = 8,
    Shutdown = 9,
    Challenge = 10,
}
