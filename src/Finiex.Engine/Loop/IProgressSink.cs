namespace Finiex.Engine.Loop;

/// <summary>
/// Receives live progress. Must return at once (never block the tick loop); a sink may drop updates, but the
/// runner reports every status change.
/// </summary>
public interface IProgressSink
{
    void Report(in LiveProgress progress);

    /// <summary>
    /// Called by the tick loop at every checkpoint (each block of ticks) with the ticks done so far: proof that the
    /// loop is moving, for a watchdog. Must be cheap: no allocation, no I/O.
    /// </summary>
    void Checkpoint(long ticksProcessed)
    {
    }
}
