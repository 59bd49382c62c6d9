namespace Finiex.Cli.Rendering;

internal static class LogColours
{
    public static string Colour(string level) => level switch
    {
        "ERROR" or "FATAL" => "red",
        "WARN" or "WARNING" => "yellow",
        "INFO" => "default",
        _ => "grey",
    };
}
