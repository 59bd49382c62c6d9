namespace Finiex.Cli.Rendering;

/// <summary>The lowest log level the live view shows (<c>--log-level</c>); the files always get every line.</summary>
internal enum LogLevelFilter
{
    Debug,
    Info,
    Warning,
    Error,
}

internal static class LogLevels
{
    /// <summary>Whether a line of this level (as the engine writes it: DEBUG, INFO, WARN, ERROR, FATAL) is shown.</summary>
    public static bool Shows(this LogLevelFilter filter, string level) => Rank(level) >= (int)filter;

    private static int Rank(string level) => level switch
    {
        "DEBUG" or "VERBOSE" => 0,
        "INFO" => 1,
        "WARN" or "WARNING" => 2,
        _ => 3,
    };

    public static string Colour(string level) => level switch
    {
        "ERROR" or "FATAL" => "red",
        "WARN" or "WARNING" => "yellow",
        "INFO" => "default",
        _ => "grey",
    };
}
