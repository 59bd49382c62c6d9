namespace Finiex.Orchestration.Events;

/// <summary>The batch's last event: every scenario has an outcome (or the batch ended before it ran, with <see cref="Message"/> saying why).</summary>
public sealed record BatchFinished(string Message = "") : BatchEvent
{
    public override BatchEventKind Kind => BatchEventKind.BatchFinished;
}
