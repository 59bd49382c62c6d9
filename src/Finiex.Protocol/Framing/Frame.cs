namespace Finiex.Protocol.Framing;

/// <summary>One decoded frame: its kind and its MessagePack body.</summary>
public readonly record struct Frame(FrameKind Kind, ReadOnlyMemory<byte> Body);
