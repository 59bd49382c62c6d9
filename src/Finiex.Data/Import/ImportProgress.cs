namespace Finiex.Data.Import;

/// <summary>Reported after each source file is read.</summary>
public sealed record ImportProgress(int FilesDone, int FilesTotal, string File, long TicksSoFar, TimeSpan Elapsed);
