namespace Finiex.Orchestration.Events;

/// <summary>The batch has begun; <see cref="Reason"/> says how it runs (mode, slots) and why.</summary>
public sealed record BatchStarted(string Reason) : BatchEvent
{
    public override BatchEventKind Kind => BatchEventKind.BatchStarted;
}
