using System.Threading.Channels;

namespace Finiex.Orchestration.Events;

/// <summary>
/// One consumer's own bounded queue of a hub's events. Publishing never waits for it: when the consumer falls behind
/// by <see cref="BatchEventHub.SubscriberCapacity"/> events, further ones are dropped and counted, and the consumer sees
/// a gap in the sequence numbers and can take a <see cref="BatchEventHub.Snapshot"/>. It ends after the batch's
/// <see cref="BatchEventKind.BatchFinished"/> event, or when disposed.
/// </summary>
public sealed class BatchEventSubscription : IDisposable
{
    private readonly Channel<BatchEvent> _channel;
    private readonly Action<BatchEventSubscription> _unsubscribe;
    private long _dropped;

    internal BatchEventSubscription(int capacity, Action<BatchEventSubscription> unsubscribe)
    {
        _channel = Channel.CreateBounded<BatchEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _unsubscribe = unsubscribe;
    }

    /// <summary>Events this consumer lost because it fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public IAsyncEnumerable<BatchEvent> ReadAllAsync(CancellationToken cancellationToken = default) => _channel.Reader.ReadAllAsync(cancellationToken);

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    internal void Offer(BatchEvent e)
    {
        if (!_channel.Writer.TryWrite(e))
        {
            Interlocked.Increment(ref _dropped);
        }

        if (e.Kind == BatchEventKind.BatchFinished)
        {
            _channel.Writer.TryComplete();
        }
    }
}
