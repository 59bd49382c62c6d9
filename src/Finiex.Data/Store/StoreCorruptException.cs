namespace Finiex.Data.Store;

/// <summary>A store file failed a structural or checksum check; the message names the file and what failed.</summary>
public sealed class StoreCorruptException : Exception
{
    public StoreCorruptException(string path, string problem)
        : base($"Tick store file '{path}' is corrupt: {problem}. Re-import the symbol (finiex data import) to rebuild it.")
    {
        FilePath = path;
        Problem = problem;
    }

    public StoreCorruptException()
    {
        FilePath = Problem = "";
    }

    public StoreCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = Problem = "";
    }

    public string FilePath { get; }

    public string Problem { get; }
}
