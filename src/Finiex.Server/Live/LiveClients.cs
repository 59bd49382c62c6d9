namespace Finiex.Server.Live;

/// <summary>The WebSocket clients following runs: how many now, how often one fell behind (resynced) or was stuck (dropped).</summary>
public sealed class LiveClients
{
    private int _connected;
    private long _resyncs;
    private long _dropped;

    public int Connected => Volatile.Read(ref _connected);

    public long Resyncs => Interlocked.Read(ref _resyncs);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Connect() => Interlocked.Increment(ref _connected);

    public void Disconnect() => Interlocked.Decrement(ref _connected);

    public void Resynced() => Interlocked.Increment(ref _resyncs);

    public void Drop() => Interlocked.Increment(ref _dropped);
}
