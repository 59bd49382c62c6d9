namespace Finiex.Engine.Loop;

/// <summary>
/// Receives live progress. Must return at once (never block the tick loop); a sink may drop updates, but the
/// runner reports every status change.
/// </summary>
public interface IProgressSink
{
    void Report(in LiveProgress progress);
}
