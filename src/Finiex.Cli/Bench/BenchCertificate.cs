namespace Finiex.Cli.Bench;

/// <summary>What <c>finiex bench</c> saves: where it ran, what it ran, and the figures, so versions can be compared.</summary>
public sealed record BenchCertificate
{
    public int Version { get; init; } = 1;
    public required DateTimeOffset Date { get; init; }
    public required BenchMachine Machine { get; init; }
    public required string Commit { get; init; }
    public required string Load { get; init; }
    public required string LoadDescription { get; init; }
    public required int Scenarios { get; init; }
    public required long TicksPerRun { get; init; }
    public required IReadOnlyList<BenchModeFigures> Modes { get; init; }

    /// <summary>Wall time of sequential over each other mode (present when sequential ran).</summary>
    public IReadOnlyDictionary<string, double> SpeedupOverSequential { get; init; } = new Dictionary<string, double>();
}

public sealed record BenchMachine(string Os, string Cpu, int Cores, double MemoryGiB, string DotNet);

/// <summary>One execution mode's figures; times are medians over <see cref="Runs"/> repeats.</summary>
public sealed record BenchModeFigures
{
    public required string Mode { get; init; }
    public required int Parallelism { get; init; }
    /// <summary>The most scenarios over the same ticks run as one fused sweep (1: each alone; certificates before fusion lack it).</summary>
    public int FuseUpTo { get; init; } = 1;
    public required int Runs { get; init; }
    public required IReadOnlyList<double> WallMsEachRun { get; init; }
    public required long Ticks { get; init; }
    public required double WallMs { get; init; }
    public required double TicksPerSecond { get; init; }
    public required double ScenariosPerSecond { get; init; }
    /// <summary>
    /// Sum over scenarios of the tick-loop time, divided by the ticks: the loop's cost per scenario-tick inside this mode
    /// (a fused sweep's loop time is shared evenly by its scenarios).
    /// </summary>
    public required double LoopNsPerTick { get; init; }
    /// <summary>(Sum of tick-loop times / N + pool start) / wall: 1 means no time lost outside the loops.</summary>
    public required double Efficiency { get; init; }
    public required double PreparationMs { get; init; }
    /// <summary>Median per-scenario startup steps inside the runner or thread (workers, bars, tick source...).</summary>
    public required IReadOnlyDictionary<string, double> StartupStepsMs { get; init; }
    /// <summary>Median of (slot time − the scenario's own total): handing the package over and getting the result back.</summary>
    public required double DispatchMs { get; init; }
    /// <summary>Per-scenario overhead: (wall − pool start − preparation) × N / scenarios − median tick-loop time.</summary>
    public required double OverheadPerScenarioMs { get; init; }
    /// <summary>Median share of tick-loop time spent opening the scenario's ticks (the handoff through the store).</summary>
    public required double HandoffShare { get; init; }
    public IReadOnlyList<double> RunnerStartsMs { get; init; } = [];
    public double PeakRunnerMemoryMB { get; init; }
    public double ParentPeakMemoryMB { get; init; }
    /// <summary>CPU time (parent + runners) over wall time × cores.</summary>
    public required double CpuUtilisation { get; init; }
    /// <summary>CPU time of this process over the run (in-process modes: the tick loops too).</summary>
    public double ParentCpuMs { get; init; }
    /// <summary>CPU time of the runner processes, sampled before each shut down.</summary>
    public double RunnerCpuMs { get; init; }
    /// <summary>Per-operation profile over all scenarios (loop time weighted).</summary>
    public required IReadOnlyList<BenchOperation> Profile { get; init; }
    public required int Failed { get; init; }
}

public sealed record BenchOperation(string Name, double Share, double NsPerTick);

public static class BenchModeNames
{
    /// <summary>How a measured mode is named in tables and speedups: "threads ×2", "threads ×2 fused".</summary>
    public static string Label(this BenchModeFigures figures) =>
        $"{figures.Mode} ×{figures.Parallelism}{(figures.FuseUpTo > 1 ? " fused" : "")}";
}
