namespace Finiex.Data.Brokers;

/// <summary>A broker export that cannot be used; the message names the file and the JSON path.</summary>
public sealed class BrokerSpecException : Exception
{
    public BrokerSpecException(string message)
        : base(message)
    {
    }

    public BrokerSpecException()
    {
    }

    public BrokerSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
