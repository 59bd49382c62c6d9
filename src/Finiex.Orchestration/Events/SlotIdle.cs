namespace Finiex.Orchestration.Events;

/// <summary>A slot has finished its scenario and waits for the next.</summary>
public sealed record SlotIdle : BatchEvent
{
    public override BatchEventKind Kind => BatchEventKind.SlotIdle;
}
