using Finiex.Engine.Loop;
using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;

namespace Finiex.Runner;

/// <summary>Sends progress to the parent: running updates are lossy (dropped when the queue is full), status changes are not.</summary>
internal sealed class PipeProgressSink(FrameWriter writer, long runId) : IProgressSink
{
    private long _ticks;

    public long TicksProcessed => Interlocked.Read(ref _ticks);

    public void Report(in LiveProgress progress)
    {
        Interlocked.Exchange(ref _ticks, progress.TicksProcessed);
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
