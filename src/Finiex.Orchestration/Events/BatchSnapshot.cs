namespace Finiex.Orchestration.Events;

/// <summary>The latest event of each slot, taken atomically: valid at <see cref="Sequence"/> (no later event is in it, no earlier one missing).</summary>
public sealed record BatchSnapshot(string BatchId, long Sequence, IReadOnlyList<BatchEvent> Slots);
