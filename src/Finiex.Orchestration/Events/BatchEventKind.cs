namespace Finiex.Orchestration.Events;

public enum BatchEventKind
{
    BatchStarted,
    ScenarioStarted,
    ScenarioProgress,
    ScenarioFinished,
    SlotBusy,
    SlotIdle,
    Log,
    BatchFinished,
}
