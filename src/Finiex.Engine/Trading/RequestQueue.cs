namespace Finiex.Engine.Trading;

/// <summary>
/// Trading requests in flight (SEMANTICS §10): each request that passed its checks draws one latency from the scenario's
/// single stream (<see cref="LatencyDraws"/>), in submission order, and is due at step 1 of tick <c>i + latency</c>;
/// those due at a tick are taken in submission order. <see cref="NextDue"/> tells a block scan where it must stop.
/// No allocation once the queue has grown to the most requests in flight at once.
/// </summary>
public sealed class RequestQueue<T>(LatencyDraws latency)
{
    private readonly List<(int Due, T Request)> _inFlight = []; // in submission order
    private LatencyDraws _latency = latency;

    public int Count => _inFlight.Count;

    /// <summary>The earliest tick index a request is due at; <see cref="int.MaxValue"/> when none is in flight.</summary>
    public int NextDue { get; private set; } = int.MaxValue;

    /// <summary>Queues a request submitted at tick <paramref name="index"/> and returns the tick it is due at.</summary>
    public int Submit(int index, T request)
    {
        var due = index + _latency.Next();
        _inFlight.Add((due, request));
        NextDue = Math.Min(NextDue, due);
        return due;
    }

    /// <summary>Moves the requests due at or before tick <paramref name="index"/> to <paramref name="due"/>, in submission order.</summary>
    public void TakeDue(int index, List<T> due)
    {
        if (NextDue > index)
        {
            return;
        }

        var next = int.MaxValue;
        var kept = 0;
        for (var i = 0; i < _inFlight.Count; i++)
        {
            var entry = _inFlight[i];
            if (entry.Due <= index)
            {
                due.Add(entry.Request);
                continue;
            }

            _inFlight[kept++] = entry;
            next = Math.Min(next, entry.Due);
        }

        _inFlight.RemoveRange(kept, _inFlight.Count - kept);
        NextDue = next;
    }

    /// <summary>Removes every request still in flight (the data has ended) into <paramref name="left"/>, in submission order.</summary>
    public void Drain(List<T> left)
    {
        foreach (var (_, request) in _inFlight)
        {
            left.Add(request);
        }

        _inFlight.Clear();
        NextDue = int.MaxValue;
    }
}
