using Finiex.Orchestration.Service;

namespace Finiex.Orchestration.Registry;

/// <summary>When a run entered a stage.</summary>
public sealed record StageChange(BatchStage Stage, DateTimeOffset At);
