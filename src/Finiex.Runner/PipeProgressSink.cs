using Finiex.Engine.Loop;
using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;

namespace Finiex.Runner;

/// <summary>Sends progress to the parent: running updates are lossy (dropped when the queue is full), status changes are not.</summary>
internal sealed class PipeProgressSink(FrameWriter writer, long runId) : IProgressSink
{
    private long _ticks;
    private long _checkpoints;

    public long TicksProcessed => Volatile.Read(ref _ticks);

    /// <summary>Progress reports and loop checkpoints so far: the heartbeat's proof that the scenario is moving.</summary>
    public long Checkpoints => Volatile.Read(ref _checkpoints);

    public void Checkpoint(long ticksProcessed)
    {
        Volatile.Write(ref _ticks, ticksProcessed);
        Volatile.Write(ref _checkpoints, _checkpoints + 1); // one writer: the loop's thread
    }

    public void Report(in LiveProgress progress)
    {
        Volatile.Write(ref _ticks, progress.TicksProcessed);
        Volatile.Write(ref _checkpoints, _checkpoints + 1);
        var message = new ProgressMessage(runId, progress.ScenarioIndex, progress.Status.ToString(), progress.TicksProcessed, progress.TicksTotal,
            progress.Balance, progress.Equity, progress.Trades, progress.Export);
        if (progress.Status == ScenarioStatus.Running && progress.TicksProcessed > 0)
        {
            writer.TrySend(FrameKind.Progress, message);
        }
        else
        {
            writer.SendAsync(FrameKind.Progress, message).AsTask().GetAwaiter().GetResult();
        }
    }
}
