namespace Finiex.Orchestration.Service;

/// <summary>Why a batch job cannot go on; the message names the file or folder and says what to do.</summary>
public sealed class BatchJobException : Exception
{
    public BatchJobException(BatchJobError error, string message, Exception? inner = null)
        : base(message, inner) => Error = error;

    public BatchJobException()
    {
    }

    public BatchJobException(string message)
        : base(message)
    {
    }

    public BatchJobException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BatchJobError Error { get; }
}

public enum BatchJobError
{
    /// <summary>No set was given, or the folder to resume does not say which.</summary>
    NoSet,
    /// <summary>The set file itself has errors (syntax, unknown keys...).</summary>
    SetUnusable,
    /// <summary>The set is readable but none of its scenarios can run.</summary>
    NothingRunnable,
    /// <summary>The results folder cannot be created, written or resumed.</summary>
    ResultsFolder,
}
