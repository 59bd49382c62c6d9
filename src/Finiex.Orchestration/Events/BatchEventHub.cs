using System.Collections.Concurrent;

namespace Finiex.Orchestration.Events;

/// <summary>
/// The orchestration API the console and the server consume: every batch, scenario, slot and log event with a
/// monotonically increasing sequence number, bounded ring buffers of log lines per slot and per scenario, and the
/// latest state of each slot, all of which a late or lagging consumer can read as a snapshot.
/// </summary>
public sealed class BatchEventHub
{
    public const int LogLinesKept = 200;

    private readonly object _gate = new();
    private readonly List<Action<BatchEvent>> _subscribers = [];
    private readonly ConcurrentDictionary<int, Queue<BatchEvent>> _slotLogs = new();
    private readonly ConcurrentDictionary<int, Queue<BatchEvent>> _scenarioLogs = new();
    private readonly ConcurrentDictionary<int, BatchEvent> _slotState = new();
    private long _sequence;

    public long LastSequence => Interlocked.Read(ref _sequence);

    public IDisposable Subscribe(Action<BatchEvent> subscriber)
    {
        lock (_gate)
        {
            _subscribers.Add(subscriber);
        }

        return new Subscription(this, subscriber);
    }

    /// <summary>Stamps the event with the next sequence number and time, keeps it in the buffers, and hands it to every subscriber.</summary>
    public BatchEvent Publish(BatchEvent draft)
    {
        Action<BatchEvent>[] subscribers;
        BatchEvent stamped;
        lock (_gate)
        {
            stamped = draft with { Sequence = ++_sequence, Time = DateTimeOffset.UtcNow };
            subscribers = [.. _subscribers];
            Remember(stamped);
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(stamped);
        }

        return stamped;
    }

    /// <summary>The latest event of each slot, in slot order.</summary>
    public IReadOnlyList<BatchEvent> SlotSnapshot() => [.. _slotState.OrderBy(s => s.Key).Select(s => s.Value)];

    public IReadOnlyList<BatchEvent> SlotLog(int slot) => Copy(_slotLogs, slot);

    public IReadOnlyList<BatchEvent> ScenarioLog(int scenario) => Copy(_scenarioLogs, scenario);

    private void Remember(BatchEvent e)
    {
        if (e.SlotId >= 0 && e.Kind != BatchEventKind.Log)
        {
            _slotState[e.SlotId] = e;
        }

        if (e.Kind != BatchEventKind.Log)
        {
            return;
        }

        foreach (var (buffers, key) in new[] { (_slotLogs, e.SlotId), (_scenarioLogs, e.ScenarioIndex) })
        {
            var queue = buffers.GetOrAdd(key, _ => new Queue<BatchEvent>());
            queue.Enqueue(e);
            while (queue.Count > LogLinesKept)
            {
                queue.Dequeue();
            }
        }
    }

    private IReadOnlyList<BatchEvent> Copy(ConcurrentDictionary<int, Queue<BatchEvent>> buffers, int key)
    {
        lock (_gate)
        {
            return buffers.TryGetValue(key, out var queue) ? [.. queue] : [];
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
