using Finiex.Engine.Loop;

namespace Finiex.Orchestration.Events;

/// <summary>Where a scenario is on its slot: its status, ticks done of its total, account and trades so far.</summary>
public abstract record ScenarioEvent : BatchEvent
{
    private protected ScenarioEvent()
    {
    }

    public ScenarioStatus Status { get; init; }
    public long TicksProcessed { get; init; }
    public long TicksTotal { get; init; }
    public double Balance { get; init; }
    public double Equity { get; init; }
    public int Trades { get; init; }

    public double Percent => TicksTotal == 0 ? 0 : 100.0 * TicksProcessed / TicksTotal;
}

/// <summary>A slot took a scenario (it is being handed to the slot).</summary>
public sealed record SlotBusy : ScenarioEvent
{
    public override BatchEventKind Kind => BatchEventKind.SlotBusy;
}

/// <summary>A scenario began on its slot.</summary>
public sealed record ScenarioStarted : ScenarioEvent
{
    public override BatchEventKind Kind => BatchEventKind.ScenarioStarted;
}

/// <summary>A running scenario's progress (throttled by the set's update interval).</summary>
public sealed record ScenarioProgress : ScenarioEvent
{
    public override BatchEventKind Kind => BatchEventKind.ScenarioProgress;

    /// <summary>The optional parts of a RUNNING progress event that the set switched on; null otherwise.</summary>
    public Contracts.Live.LiveExport? Export { get; init; }
}

/// <summary>A scenario has its outcome; <see cref="Result"/> is the whole of it, <see cref="Message"/> the reason when it did not complete.</summary>
public sealed record ScenarioFinished : ScenarioEvent
{
    public override BatchEventKind Kind => BatchEventKind.ScenarioFinished;

    public Contracts.Results.ProcessResult? Result { get; init; }
    public string Message { get; init; } = "";
}
