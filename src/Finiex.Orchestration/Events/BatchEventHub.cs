using System.Collections.Concurrent;

namespace Finiex.Orchestration.Events;

/// <summary>
/// The orchestration API the console and the server consume: every batch, scenario, slot and log event of one batch
/// (<see cref="BatchId"/>) with a monotonically increasing sequence number, bounded ring buffers of log lines per slot
/// and per scenario, and the latest state of each slot, all of which a late or lagging consumer can read as a snapshot.
/// Consumers subscribe with their own bounded queue (<see cref="Subscribe()"/>), so a slow one never holds up the
/// runner whose frames publish the events.
/// </summary>
public sealed class BatchEventHub(string batchId = "")
{
    public const int LogLinesKept = 200;
    public const int SubscriberCapacity = 4_096;

    private readonly object _gate = new();
    private readonly List<Action<BatchEvent>> _subscribers = [];
    private readonly List<BoundedSubscription<BatchEvent>> _queues = [];
    private readonly ConcurrentDictionary<int, Queue<LogWritten>> _slotLogs = new();
    private readonly ConcurrentDictionary<int, Queue<LogWritten>> _scenarioLogs = new();
    private readonly ConcurrentDictionary<int, BatchEvent> _slotState = new();
    private readonly Dictionary<int, ScenarioEvent> _scenarioState = [];
    private readonly Queue<LogWritten> _recentLogs = new();
    private long _sequence;

    public string BatchId => batchId;

    public long LastSequence => Interlocked.Read(ref _sequence);

    /// <summary>A queue of every event from now on, for a consumer reading at its own pace.</summary>
    public BoundedSubscription<BatchEvent> Subscribe(int capacity = SubscriberCapacity)
    {
        var subscription = new BoundedSubscription<BatchEvent>(capacity, Unsubscribe, e => e is BatchFinished);
        lock (_gate)
        {
            _queues.Add(subscription);
        }

        return subscription;
    }

    /// <summary>
    /// An observer called on the publishing thread, in sequence order (under the hub's lock): it must return at once
    /// (count, flag, append to a buffer); anything slower belongs in a <see cref="Subscribe()"/> queue.
    /// </summary>
    public IDisposable Subscribe(Action<BatchEvent> subscriber)
    {
        lock (_gate)
        {
            _subscribers.Add(subscriber);
        }

        return new Subscription(this, subscriber);
    }

    /// <summary>Stamps the event with the next sequence number and time, keeps it in the buffers, and hands it to every subscriber.</summary>
    public T Publish<T>(T draft)
        where T : BatchEvent
    {
        lock (_gate)
        {
            var stamped = (T)(draft with { BatchId = batchId, Sequence = ++_sequence, Time = DateTimeOffset.UtcNow });
            Remember(stamped);
            foreach (var queue in _queues)
            {
                queue.Offer(stamped); // in sequence order: offered under the lock that numbers them
            }

            foreach (var subscriber in _subscribers)
            {
                subscriber(stamped);
            }

            return stamped;
        }
    }

    /// <summary>The latest event of each slot and of each scenario, the latest log lines, and the sequence number all are valid at.</summary>
    public BatchSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new BatchSnapshot(batchId, _sequence, [.. _slotState.OrderBy(s => s.Key).Select(s => s.Value)],
                [.. _scenarioState.OrderBy(s => s.Key).Select(s => s.Value)], [.. _recentLogs]);
        }
    }

    public IReadOnlyList<LogWritten> SlotLog(int slot) => Copy(_slotLogs, slot);

    public IReadOnlyList<LogWritten> ScenarioLog(int scenario) => Copy(_scenarioLogs, scenario);

    private void Remember(BatchEvent e)
    {
        if (e is not LogWritten line)
        {
            if (e.SlotId >= 0)
            {
                _slotState[e.SlotId] = e;
            }

            if (e is ScenarioStarted or ScenarioProgress or ScenarioFinished && e.ScenarioIndex >= 0)
            {
                _scenarioState[e.ScenarioIndex] = (ScenarioEvent)e;
            }

            return;
        }

        _recentLogs.Enqueue(line);
        if (_recentLogs.Count > LogLinesKept)
        {
            _recentLogs.Dequeue();
        }

        foreach (var (buffers, key) in new[] { (_slotLogs, line.SlotId), (_scenarioLogs, line.ScenarioIndex) })
        {
            var queue = buffers.GetOrAdd(key, _ => new Queue<LogWritten>());
            queue.Enqueue(line);
            while (queue.Count > LogLinesKept)
            {
                queue.Dequeue();
            }
        }
    }

    private IReadOnlyList<LogWritten> Copy(ConcurrentDictionary<int, Queue<LogWritten>> buffers, int key)
    {
        lock (_gate)
        {
            return buffers.TryGetValue(key, out var queue) ? [.. queue] : [];
        }
    }

    private void Unsubscribe(BoundedSubscription<BatchEvent> subscription)
    {
        lock (_gate)
        {
            _queues.Remove(subscription);
        }
    }

    private sealed class Subscription(BatchEventHub hub, Action<BatchEvent> subscriber) : IDisposable
    {
        public void Dispose()
        {
            lock (hub._gate)
            {
                hub._subscribers.Remove(subscriber);
            }
        }
    }
}
