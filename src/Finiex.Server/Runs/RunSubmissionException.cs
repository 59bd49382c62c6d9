namespace Finiex.Server.Runs;

/// <summary>A submission that cannot become a run (HTTP 400): what is wrong, and each problem with its JSON path.</summary>
public sealed class RunSubmissionException : Exception
{
    public RunSubmissionException()
    {
    }

    public RunSubmissionException(string message)
        : base(message)
    {
    }

    public RunSubmissionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunSubmissionException(string message, IReadOnlyList<string> details)
        : base(message) => Details = details;

    public IReadOnlyList<string> Details { get; } = [];
}
