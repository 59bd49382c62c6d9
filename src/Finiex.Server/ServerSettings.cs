namespace Finiex.Server;

/// <summary>How <c>finiex serve</c> runs: where results and ticks are, the access token, and its limits.</summary>
public sealed record ServerSettings
{
    public const string MaxParallelRunsVariable = "FINIEX_MAX_PARALLEL_RUNS";

    public required string ResultsRoot { get; init; }
    public string? StoreFolder { get; init; }
    /// <summary>When set, every API call needs <c>Authorization: Bearer TOKEN</c>.</summary>
    public string? Token { get; init; }
    /// <summary>Runs going at once (default 2, or FINIEX_MAX_PARALLEL_RUNS); the others wait in the queue.</summary>
    public int MaxParallelRuns { get; init; } = FromEnvironment(MaxParallelRunsVariable) ?? 2;
    /// <summary>Runs that may wait; one more is refused with 429.</summary>
    public int MaxQueuedRuns { get; init; } = 20;
    /// <summary>Runner processes shared by all runs (default: one per core).</summary>
    public int? Runners { get; init; }

    private static int? FromEnvironment(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
