using System.Diagnostics;
using System.Globalization;
using Finiex.Core.Scenarios;

namespace Finiex.Orchestration.Execution;

/// <summary>
/// The execution mode and parallelism a batch will use, and why: <c>--mode</c> wins, then FINIEX_EXECUTION_MODE, then
/// the set's execution.mode; <c>auto</c> means threads under a debugger (or FINIEX_DEBUG=1) or for a small batch
/// (<see cref="BatchSize.IsSmall"/>), runner processes otherwise.
/// </summary>
public sealed record ExecutionPlan(ExecutionMode Mode, int Parallelism, string Reason)
{
    public const string ModeVariable = "FINIEX_EXECUTION_MODE";
    public const string DebugVariable = "FINIEX_DEBUG";

    public static ExecutionPlan Choose(ExecutionMode? commandLine, int? commandLineParallel, ExecutionConfig fromSet, BatchSize? size = null)
    {
        var (requested, source) = commandLine is { } mode ? (mode, "--mode")
            : Enum.TryParse<ExecutionMode>(Environment.GetEnvironmentVariable(ModeVariable), ignoreCase: true, out var fromEnvironment) ? (fromEnvironment, ModeVariable)
            : (fromSet.Mode, "the set's execution.mode");
        var parallel = commandLineParallel is > 0 ? commandLineParallel.Value : fromSet.Parallelism > 0 ? fromSet.Parallelism : Environment.ProcessorCount;
        if (requested != ExecutionMode.Auto)
        {
            return new ExecutionPlan(requested, requested == ExecutionMode.Sequential ? 1 : parallel, $"{requested.ToString().ToLowerInvariant()} ({source})");
        }

        if (Debugger.IsAttached || Environment.GetEnvironmentVariable(DebugVariable) == "1")
        {
            return new ExecutionPlan(ExecutionMode.Threads, parallel, $"threads (auto: {(Debugger.IsAttached ? "a debugger is attached" : $"{DebugVariable}=1")}, so breakpoints work)");
        }

        return size is { IsSmall: true }
            ? new ExecutionPlan(ExecutionMode.Threads, parallel, string.Create(CultureInfo.InvariantCulture,
                $"threads (auto: a small batch, {size.Ticks / 1e6:0.##} M ticks, ends before runner processes would start; --mode processes isolates it)"))
            : new ExecutionPlan(ExecutionMode.Processes, parallel, "processes (auto: no debugger attached)");
    }

    /// <summary>Runner processes as the tasks of a Slurm job (<c>--cluster slurm</c>): one slot per task.</summary>
    public static ExecutionPlan OnSlurm(int tasks) =>
        new(ExecutionMode.Processes, tasks, string.Create(CultureInfo.InvariantCulture, $"processes on Slurm (--cluster slurm, {tasks} task(s))"));
}
