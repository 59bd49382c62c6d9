namespace Finiex.Orchestration.Results;

/// <summary>The results folder cannot be created or written; the message names it and says what to do.</summary>
public sealed class ResultsFolderException : IOException
{
    public ResultsFolderException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public ResultsFolderException()
    {
    }

    public ResultsFolderException(string message)
        : base(message)
    {
    }
}
