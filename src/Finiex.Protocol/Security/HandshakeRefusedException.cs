namespace Finiex.Protocol.Security;

/// <summary>The handshake failed: the other side is of another version or build, or does not hold the run's secret.</summary>
public sealed class HandshakeRefusedException(string message) : Exception(message);
