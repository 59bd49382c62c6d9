namespace Finiex.Server;

/// <summary>How <c>finiex serve</c> runs: where results, sets and ticks are, the access token, and its limits.</summary>
public sealed record ServerSettings
{
    public const string MaxParallelRunsVariable = "FINIEX_MAX_PARALLEL_RUNS";

    /// <summary>The results root: run folders by set, the registry <c>runs.db</c>, and the server's own files under <c>.server/</c>.</summary>
    public required string ResultsRoot { get; init; }
    /// <summary>Where <c>POST /runs {"set": NAME}</c> looks for sets; pasted sets are kept in its <c>submitted/</c> folder.</summary>
    public string ConfigsFolder { get; init; } = "configs";
    public string? StoreFolder { get; init; }
    /// <summary>When set, every call needs <c>Authorization: Bearer TOKEN</c>; required to listen beyond loopback.</summary>
    public string? Token { get; init; }
    /// <summary>Runs going at once (default 2, or FINIEX_MAX_PARALLEL_RUNS); the others wait in the queue.</summary>
    public int MaxParallelRuns { get; init; } = FromEnvironment(MaxParallelRunsVariable) ?? 2;
    /// <summary>Runs that may wait; one more is refused with 429.</summary>
    public int MaxQueuedRuns { get; init; } = 20;
    /// <summary>Runner processes shared by all runs (default: one per core).</summary>
    public int? Runners { get; init; }
    /// <summary>Scenarios one run may have; a larger set is refused with 400.</summary>
    public int MaxScenariosPerRun { get; init; } = 10_000;
    /// <summary>Largest request body (a pasted set); a larger one is refused with 413.</summary>
    public long MaxRequestBytes { get; init; } = 1 << 20;
    /// <summary>Log lines of each run kept in memory for <c>GET /runs/{id}/logs</c>; the download has them all.</summary>
    public int LogLinesKept { get; init; } = 10_000;
    /// <summary>Messages a WebSocket client may fall behind by before it is resynced with a fresh snapshot.</summary>
    public int WebSocketQueue { get; init; } = 1_024;
    /// <summary>How long one WebSocket send may take before the client is dropped as stuck.</summary>
    public TimeSpan WebSocketSendTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Finished runs kept per set (0: no limit).</summary>
    public int KeepRunsPerSet { get; init; } = 50;
    /// <summary>Days finished runs are kept (0: no limit).</summary>
    public double KeepDays { get; init; } = 30;
    /// <summary>How often finished runs are pruned.</summary>
    public TimeSpan RetentionInterval { get; init; } = TimeSpan.FromMinutes(10);

    private static int? FromEnvironment(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
