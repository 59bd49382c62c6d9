namespace Finiex.Orchestration.Execution;

/// <summary>How to run a batch.</summary>
public sealed record BatchOptions
{
    public bool Profiling { get; init; } = true;
    public bool TraceBars { get; init; }
    public TimeSpan? ScenarioTimeout { get; init; }
    /// <summary>
    /// The most scenarios over the same ticks and window a slot runs together as one fused sweep (1: each alone). Results
    /// are the same either way, bit for bit.
    /// </summary>
    public int FuseUpTo { get; init; } = FusedUnits.DefaultMaximum;
    /// <summary>How runner processes are started (processes mode); null uses the runner shipped next to this program.</summary>
    public Processes.RunnerLaunch? Runner { get; init; }
    /// <summary>Runners on a Slurm cluster instead of this machine (processes mode); null: local runner processes.</summary>
    public Processes.Slurm.SlurmOptions? Cluster { get; init; }
    /// <summary>
    /// Makes the batch's runner factory (tests: runners over TCP on this machine); it gets where to report batch-level
    /// lines. Null: local processes over named pipes, or <see cref="Cluster"/>.
    /// </summary>
    internal Func<Action<string>, Processes.RunnerFactory>? Runners { get; init; }
    /// <summary>Receives each scenario's outcome as soon as it exists (the results folder writes its files then).</summary>
    public Results.IScenarioOutcomeSink? Outcomes { get; init; }
    /// <summary>Scenarios an earlier attempt of this batch completed (<c>--resume</c>): kept as they are, not run again.</summary>
    public IReadOnlyList<ScenarioOutcome> Kept { get; init; } = [];
    /// <summary>
    /// Slots shared with other batches (a server's runner pool), used when the plan is the processes mode; null: the
    /// batch starts its own slots and shuts them down at its end.
    /// </summary>
    public ExecutionCoordinator? Coordinator { get; init; }
}
