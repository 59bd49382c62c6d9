namespace Finiex.Cli;

/// <summary>The process exit codes of every finiex command.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked (validate: the set is valid; run: all scenarios completed).</summary>
    public const int Success = 0;

    /// <summary>The command ran but part of the work failed (an import over its invalid-row threshold, failed scenarios).</summary>
    public const int Failed = 1;

    /// <summary>Invalid input: bad arguments, an invalid scenario set, a missing file.</summary>
    public const int InvalidInput = 2;
}
