namespace Finiex.Data.Import;

/// <summary>An import that cannot go on; the message says which file and what to do. Nothing was written.</summary>
public sealed class ImportException : Exception
{
    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException()
    {
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
