namespace Finiex.Data.Store;

/// <summary>Another process holds a symbol's lock (an import or removal is running); the message says which and what to do.</summary>
public sealed class SymbolLockedException : IOException
{
    public SymbolLockedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SymbolLockedException()
    {
    }

    public SymbolLockedException(string message)
        : base(message)
    {
    }
}
