namespace Finiex.Orchestration.Results;

/// <summary>
/// Which runs to prune: per set, everything beyond the newest <see cref="Keep"/> runs and everything older than
/// <see cref="MaxAge"/> (either may be left out). A run that is still being written is never pruned.
/// </summary>
public sealed record RetentionPolicy(int? Keep, TimeSpan? MaxAge)
{
    public IReadOnlyList<RunEntry> ToPrune(IReadOnlyList<RunEntry> runs, DateTimeOffset now) =>
        ToPrune(runs, now, r => Path.GetDirectoryName(r.Folder) ?? "", r => r.StartedAt, r => r.Running);

    /// <summary>
    /// The runs to delete, oldest first: per set, those beyond the <see cref="Keep"/> newest and those older than
    /// <see cref="MaxAge"/>; never an active one (it does not count towards the kept ones either).
    /// </summary>
    public IReadOnlyList<T> ToPrune<T>(IEnumerable<T> runs, DateTimeOffset now, Func<T, string> set, Func<T, DateTimeOffset> startedAt, Func<T, bool> active) =>
    [
        .. runs.Where(r => !active(r)).GroupBy(set, StringComparer.Ordinal)
            .SelectMany(inSet => inSet.OrderByDescending(startedAt).Where((run, newestFirst) =>
                (Keep is { } keep && newestFirst >= keep) || (MaxAge is { } age && now - startedAt(run) > age)))
            .OrderBy(startedAt),
    ];

    /// <summary>Deletes the runs; returns those that could not be deleted, with the reason.</summary>
    public static IReadOnlyList<(RunEntry Run, string Error)> Delete(IEnumerable<RunEntry> runs)
    {
        var failed = new List<(RunEntry, string)>();
        foreach (var run in runs)
        {
            try
            {
                if (RunLock.IsHeld(run.Folder))
                {
                    failed.Add((run, "it started running again"));
                    continue;
                }

                Directory.Delete(run.Folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failed.Add((run, ex.Message));
            }
        }

        return failed;
    }
}
