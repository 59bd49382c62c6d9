namespace Finiex.Server.Runs;

/// <summary>
/// One line of a run's log: its place in the run's event sequence, level as the engine writes it, and its source (the
/// scenario's name, or <c>batch</c> for the run's own lines), when the server published it (<see cref="Time"/>) and, for a
/// line of a scenario or runner, when that wrote it (<see cref="LoggedAt"/>).
/// </summary>
public sealed record RunLogLine(long Sequence, DateTimeOffset Time, string Level, string Source, int SlotId, string Message, DateTimeOffset? LoggedAt = null)
{
    public static RunLogLine Of(Orchestration.Events.LogWritten e) =>
        new(e.Sequence, e.Time, e.Level, e.ScenarioIndex >= 0 ? e.ScenarioName : BatchSource, e.SlotId, e.Message, e.LoggedAt);

    public const string BatchSource = "batch";

    public string ToText() => $"{Time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {Level,-5} [{Source}] {Message}";
}
