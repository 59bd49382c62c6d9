using System.Diagnostics;

namespace Finiex.Orchestration.Processes;

/// <summary>
/// Tells a stuck scenario from a long one: heartbeats prove the runner lives, but only a checkpoint count that moves
/// proves its tick loop does. Stalled once the count has not moved for the limit.
/// </summary>
internal sealed class ProgressWatchdog(TimeSpan limit)
{
    private long _checkpoints = -1;
    private long _movedAt = Stopwatch.GetTimestamp();

    public TimeSpan Limit => limit;

    /// <summary>Any sign of progress: a progress frame, or a heartbeat's checkpoint count.</summary>
    public void Observe(long checkpoints)
    {
        if (checkpoints != _checkpoints)
        {
            _checkpoints = checkpoints;
            _movedAt = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>A progress frame: the scenario moved.</summary>
    public void Moved() => _movedAt = Stopwatch.GetTimestamp();

    public bool IsStalled => Stopwatch.GetElapsedTime(_movedAt) > limit;
}
