namespace Finiex.Server.Runs;

/// <summary>
/// A page of log lines; <see cref="NextAfterSequence"/> continues it (<c>after_seq</c>), <see cref="HasMore"/> says
/// more lines matched; lines before <see cref="OldestKept"/> are only in the download.
/// </summary>
public sealed record LogPage(IReadOnlyList<RunLogLine> Lines, long NextAfterSequence, bool HasMore, long OldestKept);
