using Finiex.Contracts.Live;
using Finiex.Contracts.Results;
using Finiex.Engine.Loop;

namespace Finiex.Orchestration.Events;

/// <summary>
/// One thing that happened in a batch, of a closed set of <see cref="BatchEventKind"/>s. <see cref="Sequence"/> increases
/// by one per event within a batch, so a consumer that sees a gap knows it missed events and can ask the hub for a
/// snapshot (<see cref="BatchEventHub.Snapshot"/>), which says the sequence number it is valid at.
/// </summary>
public sealed record BatchEvent
{
    /// <summary>The batch's id (the hub's), stamped on publishing.</summary>
    public string BatchId { get; init; } = "";
    public required long Sequence { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required BatchEventKind Kind { get; init; }
    /// <summary>The lane of parallel execution (0..N−1), or −1 for batch-level events.</summary>
    public int SlotId { get; init; } = -1;
    public int ScenarioIndex { get; init; } = -1;
    public string ScenarioName { get; init; } = "";
    public string Symbol { get; init; } = "";
    /// <summary>Where the scenario is, for scenario and slot events; null for batch and log events.</summary>
    public ScenarioStatus? Status { get; init; }
    public long TicksProcessed { get; init; }
    public long TicksTotal { get; init; }
    public double Balance { get; init; }
    public double Equity { get; init; }
    public int Trades { get; init; }
    public string Level { get; init; } = "";
    /// <summary>When the scenario or runner wrote a log line (its own clock; <see cref="Time"/> is when the hub published it); null for other events.</summary>
    public DateTimeOffset? LoggedAt { get; init; }
    public string Message { get; init; } = "";
    /// <summary>The optional parts of a RUNNING progress event that the set switched on; null otherwise.</summary>
    public LiveExport? Export { get; init; }
    /// <summary>The scenario's result, on its <see cref="BatchEventKind.ScenarioFinished"/> event.</summary>
    public ProcessResult? Result { get; init; }

    public double Percent => TicksTotal == 0 ? 0 : 100.0 * TicksProcessed / TicksTotal;
}
