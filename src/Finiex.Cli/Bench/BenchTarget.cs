using Finiex.Core.Scenarios;

namespace Finiex.Cli.Bench;

/// <summary>What <c>finiex bench --modes</c> measures: an execution mode here, or runner processes as the tasks of a Slurm job.</summary>
internal sealed record BenchTarget(string Name, ExecutionMode Mode, bool OnSlurm)
{
    public static BenchTarget? Parse(string name) =>
        name.Equals("slurm", StringComparison.OrdinalIgnoreCase) ? new BenchTarget("slurm", ExecutionMode.Processes, OnSlurm: true)
        : Enum.TryParse<ExecutionMode>(name, ignoreCase: true, out var mode) && mode != ExecutionMode.Auto ? new BenchTarget(mode.ToString().ToLowerInvariant(), mode, OnSlurm: false)
        : null;
}
