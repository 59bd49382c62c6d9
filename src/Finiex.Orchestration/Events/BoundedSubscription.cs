using System.Threading.Channels;

namespace Finiex.Orchestration.Events;

/// <summary>
/// One consumer's own bounded queue of a feed's items (a batch's events, a server's run changes). Publishing never
/// waits for it: when the consumer falls behind by its capacity, further items are dropped and counted, and the consumer
/// sees a gap in the sequence numbers and can take a snapshot. It ends after the feed's last item, or when disposed.
/// </summary>
public sealed class BoundedSubscription<T> : IDisposable
{
    private readonly Channel<T> _channel;
    private readonly Action<BoundedSubscription<T>> _unsubscribe;
    private readonly Func<T, bool> _isLast;
    private long _dropped;
    private volatile bool _ended;

    public BoundedSubscription(int capacity, Action<BoundedSubscription<T>> unsubscribe, Func<T, bool>? isLast = null)
    {
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _unsubscribe = unsubscribe;
        _isLast = isLast ?? (_ => false);
    }

    /// <summary>Items this consumer lost because it fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<T> Reader => _channel.Reader;

    public IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) => _channel.Reader.ReadAllAsync(cancellationToken);

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    /// <summary>Queues the item, or counts it as dropped when the queue is full; never waits. Called by one publisher at a time.</summary>
    public void Offer(T item)
    {
        if (_ended)
        {
            return; // after the feed's last item: nothing more belongs to this consumer, and nothing was lost
        }

        if (!_channel.Writer.TryWrite(item))
        {
            Interlocked.Increment(ref _dropped);
        }

        if (_isLast(item))
        {
            _ended = true;
            _channel.Writer.TryComplete();
        }
    }
}
