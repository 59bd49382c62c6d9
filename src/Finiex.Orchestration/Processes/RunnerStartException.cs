namespace Finiex.Orchestration.Processes;

/// <summary>A runner could not be started or was refused at the handshake.</summary>
public sealed class RunnerStartException : Exception
{
    public RunnerStartException(string message)
        : base(message)
    {
    }

    public RunnerStartException()
    {
    }

    public RunnerStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
