namespace Finiex.Core.Scenarios;

public enum ExecutionMode
{
    /// <summary>Threads under a debugger, runner processes otherwise.</summary>
    Auto,
    Sequential,
    Threads,
    Processes,
}
