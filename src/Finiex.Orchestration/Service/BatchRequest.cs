using Finiex.Core.Scenarios;
using Finiex.Orchestration.Sweeps;

namespace Finiex.Orchestration.Service;

/// <summary>What to run: a set (or an interrupted run's folder to resume), where its data and results are, and how.</summary>
public sealed record BatchRequest
{
    /// <summary>The job's id when the caller chose it (a server records the run before it is validated); else made at validation.</summary>
    public string? Id { get; init; }
    /// <summary>The scenario set file; with <see cref="ResumeFolder"/> it defaults to the one that run was started with.</summary>
    public string? SetFile { get; init; }
    public string? ResumeFolder { get; init; }
    public string? StoreFolder { get; init; }
    /// <summary>Plug-in assemblies to load besides those the set names (<c>--plugin</c>).</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];
    /// <summary>Where the run's results folder is made; null keeps the results in memory only (the bench measures, it does not write).</summary>
    public string? OutRoot { get; init; } = "results";
    public ExecutionMode? Mode { get; init; }
    /// <summary>Runners on a Slurm cluster (<c>--cluster slurm</c>); the mode is then processes, one slot per task.</summary>
    public Processes.Slurm.SlurmOptions? Cluster { get; init; }
    public int? Parallel { get; init; }
    public TimeSpan? ScenarioTimeout { get; init; }
    /// <summary>The most scenarios over the same ticks and window run together as one fused sweep (1: each alone).</summary>
    public int FuseUpTo { get; init; } = Execution.FusedUnits.DefaultMaximum;
    public bool Profiling { get; init; } = true;
    public bool TraceBars { get; init; }
    public SweepScore Score { get; init; } = SweepScore.NetProfit;
    public int MinTrades { get; init; } = SweepRanking.DefaultMinTrades;
}
