namespace Finiex.Orchestration.Results;

/// <summary>
/// Which runs to prune: per set, everything beyond the newest <see cref="Keep"/> runs and everything older than
/// <see cref="MaxAge"/> (either may be left out). A run that is still being written is never pruned.
/// </summary>
public sealed record RetentionPolicy(int? Keep, TimeSpan? MaxAge)
{
    public IReadOnlyList<RunEntry> ToPrune(IReadOnlyList<RunEntry> runs, DateTimeOffset now) =>
    [
        .. runs.GroupBy(r => Path.GetDirectoryName(r.Folder), StringComparer.Ordinal)
            .SelectMany(set => set.OrderByDescending(r => r.StartedAt).Where((run, newestFirst) =>
                !run.Running && ((Keep is { } keep && newestFirst >= keep) || (MaxAge is { } age && now - run.StartedAt > age))))
            .OrderBy(r => r.StartedAt),
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
