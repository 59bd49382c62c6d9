namespace Finiex.Orchestration.Events;

/// <summary>
/// One thing that happened in a batch: a closed set of records (<see cref="BatchStarted"/>, <see cref="ScenarioStarted"/>,
/// <see cref="ScenarioProgress"/>, <see cref="ScenarioFinished"/>, <see cref="SlotBusy"/>, <see cref="SlotIdle"/>,
/// <see cref="LogWritten"/>, <see cref="BatchFinished"/>), each with its <see cref="Kind"/>. <see cref="Sequence"/>
/// increases by one per event within a batch, so a consumer that sees a gap knows it missed events and can ask the hub
/// for a snapshot (<see cref="BatchEventHub.Snapshot"/>), which says the sequence number it is valid at.
/// </summary>
public abstract record BatchEvent
{
    private protected BatchEvent()
    {
    }

    /// <summary>The batch's id (the hub's), stamped on publishing, like <see cref="Sequence"/> and <see cref="Time"/>.</summary>
    public string BatchId { get; init; } = "";
    public long Sequence { get; init; }
    public DateTimeOffset Time { get; init; }
    public abstract BatchEventKind Kind { get; }
    /// <summary>The lane of parallel execution (0..N−1), or −1 for batch-level events.</summary>
    public int SlotId { get; init; } = -1;
    /// <summary>The scenario it concerns, or −1.</summary>
    public int ScenarioIndex { get; init; } = -1;
    public string ScenarioName { get; init; } = "";
    public string Symbol { get; init; } = "";
}
