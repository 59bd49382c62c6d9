using Finiex.Orchestration.Events;

namespace Finiex.Server.Runs;

/// <summary>
/// <c>GET /runs/{id}/logs</c>: lines after a sequence number, at or above a level, of one source, containing a text
/// (case-insensitive), at most <see cref="Limit"/> of them.
/// </summary>
public sealed record LogQuery(long AfterSequence = 0, LogLevelFilter MinLevel = LogLevelFilter.Debug, string? Source = null, string? Text = null, int Limit = LogQuery.DefaultLimit)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 5_000;

    public bool Matches(RunLogLine line) =>
        line.Sequence > AfterSequence
        && MinLevel.Shows(line.Level)
        && (Source is null || string.Equals(line.Source, Source, StringComparison.OrdinalIgnoreCase))
        && (Text is null || line.Message.Contains(Text, StringComparison.OrdinalIgnoreCase));
}
