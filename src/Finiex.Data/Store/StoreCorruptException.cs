namespace Finiex.Data.Store;

/// <summary>A store file failed a structural or checksum check; the message names the file and what failed.</summary>
public sealed class StoreCorruptException : Exception
{
    public StoreCorruptException(string path, string problem)
        : base($"Tick store file '{path}' is damaged: {problem}. {RepairAdvice(path)}")
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

    /// <summary>
    /// The commands that repair the symbol a file of <c>&lt;root&gt;/&lt;SYMBOL&gt;/</c> belongs to: remove it, or rebuild it by
    /// importing its source files with --replace.
    /// </summary>
    public static string RepairAdvice(string path)
    {
        var symbolFolder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var symbol = Path.GetFileName(symbolFolder);
        var root = Path.GetDirectoryName(symbolFolder)!;
        return $"Repair it: finiex data import --store {root} --symbol {symbol} --replace ... with its source files rebuilds it from them, "
               + $"or finiex data remove {symbol} --store {root} removes it.";
    }

    public string Problem { get; }
}
