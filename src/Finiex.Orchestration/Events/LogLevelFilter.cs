namespace Finiex.Orchestration.Events;

/// <summary>The lowest level of log line shown (the live view's <c>--log-level</c>, the server's <c>min_level</c>); the files always get every line.</summary>
public enum LogLevelFilter
{
    Debug,
    Info,
    Warning,
    Error,
}

public static class LogLevels
{
    /// <summary>Whether a line of this level (as the engine writes it: DEBUG, INFO, WARN, ERROR, FATAL) is shown.</summary>
    public static bool Shows(this LogLevelFilter filter, string level) => Rank(level) >= (int)filter;

    /// <summary>The filter a level name means (<c>debug</c>, <c>info</c>, <c>warn</c>/<c>warning</c>, <c>error</c>), any case.</summary>
    public static bool TryParse(string? text, out LogLevelFilter filter)
    {
        LogLevelFilter? parsed = text?.ToUpperInvariant() switch
        {
            "DEBUG" or "VERBOSE" => LogLevelFilter.Debug,
            "INFO" or "INFORMATION" => LogLevelFilter.Info,
            "WARN" or "WARNING" => LogLevelFilter.Warning,
            "ERROR" or "FATAL" => LogLevelFilter.Error,
            _ => null,
        };
        filter = parsed ?? LogLevelFilter.Debug;
        return parsed is not null;
    }

    private static int Rank(string level) => level switch
    {
        "DEBUG" or "VERBOSE" => 0,
        "INFO" => 1,
        "WARN" or "WARNING" => 2,
        _ => 3,
    };
}
