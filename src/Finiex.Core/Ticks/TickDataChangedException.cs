namespace Finiex.Core.Ticks;

/// <summary>
/// The ticks a scenario reads are no longer the ones its package was prepared from: the store was re-imported or the
/// tick file overwritten meanwhile. Not corruption: running the batch again uses the new data.
/// </summary>
public sealed class TickDataChangedException : IOException
{
    public TickDataChangedException(string path, string detail)
        : base($"{path}: the tick file changed since this batch prepared its scenarios ({detail}); the store was re-imported or the file "
               + "overwritten meanwhile. Run the batch again to use the new data.")
    {
        FilePath = path;
    }

    public TickDataChangedException()
    {
        FilePath = "";
    }

    public TickDataChangedException(string message)
        : base(message)
    {
        FilePath = "";
    }

    public TickDataChangedException(string message, Exception inner)
        : base(message, inner)
    {
        FilePath = "";
    }

    public string FilePath { get; }
}
