namespace Finiex.Server.Runs;

/// <summary>The queue of waiting runs is full: the caller should try again later (HTTP 429).</summary>
public sealed class RunQueueFullException : Exception
{
    public RunQueueFullException()
    {
    }

    public RunQueueFullException(string message)
        : base(message)
    {
    }

    public RunQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
