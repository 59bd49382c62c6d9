namespace Finiex.Orchestration.Events;

/// <summary>
/// A batch's state taken atomically, valid at <see cref="Sequence"/> (no later event is in it, no earlier one missing):
/// the latest event of each slot and of each scenario that has started, and the latest log lines of the batch.
/// </summary>
public sealed record BatchSnapshot(string BatchId, long Sequence, IReadOnlyList<BatchEvent> Slots, IReadOnlyList<ScenarioEvent> Scenarios, IReadOnlyList<LogWritten> RecentLogs);
