namespace Finiex.Orchestration.Processes.Slurm;

/// <summary>
/// Runners on a Slurm cluster (<c>finiex run --cluster slurm</c>): an allocation of <see cref="Tasks"/> tasks, one runner
/// per task as a job step, dialling back to this process over TCP.
/// </summary>
public sealed record SlurmOptions
{
    /// <summary>Tasks (runners, slots) to allocate.</summary>
    public int Tasks { get; init; } = 1;
    public string? Partition { get; init; }
    /// <summary>The job's time limit in any form <c>salloc --time</c> takes (minutes, <c>HH:MM:SS</c>, <c>D-HH</c>...).</summary>
    public string? Time { get; init; }
    /// <summary>More <c>salloc</c> arguments, passed as they are (<c>--account=X</c>, <c>--constraint=Y</c>, <c>--mem-per-cpu=2G</c>).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
    /// <summary>
    /// <c>HOST[:PORT]</c> runners dial back to: the name or address of this machine as the compute nodes see it (default:
    /// its host name, any free port). The listener binds the address when HOST is one, else every interface.
    /// </summary>
    public string? Listen { get; init; }
    /// <summary>Ship each store range's ticks in the run requests even when the store looks visible from the nodes.</summary>
    public bool ShipTicks { get; init; }
    /// <summary>How long a launched runner may take to connect (a step may wait for a free CPU of the job); replaces the local 20 s.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
