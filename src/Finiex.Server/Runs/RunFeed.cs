using Finiex.Orchestration.Events;
using Finiex.Orchestration.Registry;

namespace Finiex.Server.Runs;

/// <summary>
/// Every change of every run, numbered: a change is saved to the registry and published under one lock, so a snapshot
/// read under it (<see cref="Snapshot{T}"/>) is valid at exactly its sequence number. Each subscriber has its own bounded
/// queue; publishing never waits for one.
/// </summary>
public sealed class RunFeed
{
    private readonly object _gate = new();
    private readonly List<BoundedSubscription<RunChange>> _subscribers = [];
    private long _sequence;

    public RunChange Publish(RunChangeKind kind, RunRecord run, Action persist)
    {
        lock (_gate)
        {
            persist();
            var change = new RunChange(++_sequence, kind, run);
            foreach (var subscriber in _subscribers)
            {
                subscriber.Offer(change);
            }

            return change;
        }
    }

    public (long Sequence, T State) Snapshot<T>(Func<T> read)
    {
        lock (_gate)
        {
            return (_sequence, read());
        }
    }

    public BoundedSubscription<RunChange> Subscribe(int capacity)
    {
        var subscription = new BoundedSubscription<RunChange>(capacity, Unsubscribe);
        lock (_gate)
        {
            _subscribers.Add(subscription);
        }

        return subscription;
    }

    private void Unsubscribe(BoundedSubscription<RunChange> subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }
}
