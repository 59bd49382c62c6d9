namespace Finiex.Protocol.Framing;

/// <summary>The other side broke the protocol: a malformed or oversized frame, an unexpected message, a refused handshake.</summary>
public sealed class ProtocolException : Exception
{
    public ProtocolException(string message)
        : base(message)
    {
    }

    public ProtocolException()
    {
    }

    public ProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
