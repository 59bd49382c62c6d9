namespace Finiex.Orchestration.Execution;

/// <summary>What one runner process used over its life: peak working set and CPU time (user + system).</summary>
public sealed record RunnerUsage(int ProcessId, long PeakWorkingSetBytes, double CpuMs);
