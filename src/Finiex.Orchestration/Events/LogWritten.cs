namespace Finiex.Orchestration.Events;

/// <summary>
/// A log line of a scenario (its index set), of a runner, or of the batch itself: its level as the engine writes it
/// (DEBUG, INFO, WARN, ERROR, FATAL) and when its writer wrote it (<see cref="LoggedAt"/>, null for the batch's own lines;
/// <see cref="BatchEvent.Time"/> is when the hub published it).
/// </summary>
public sealed record LogWritten(string Level, string Message) : BatchEvent
{
    public override BatchEventKind Kind => BatchEventKind.Log;

    public DateTimeOffset? LoggedAt { get; init; }
}
