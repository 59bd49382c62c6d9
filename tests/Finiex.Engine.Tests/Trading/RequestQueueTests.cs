using Finiex.Engine.Trading;

namespace Finiex.Engine.Tests.Trading;

/// <summary>Requests in flight (SEMANTICS §10): one latency stream for all, due at submission tick + latency, taken in submission order.</summary>
public sealed class RequestQueueTests
{
    [Fact]
    public void Latencies_come_from_one_stream_in_submission_order_as_the_market_orders_of_section_6_draw_them()
    {
        var reference = new SplitMix64(42);
        var expected = Enumerable.Range(0, 6).Select(_ => 1 + (int)(reference.Next() % 3)).ToList();
        var queue = new RequestQueue<string>(new LatencyDraws(1, 3, 42));

        var dues = new[] { "open", "place", "cancel", "modify", "close", "place" }.Select(r => queue.Submit(10, r)).ToList();

        Assert.Equal(expected.Select(l => 10 + l), dues);
    }

    [Fact]
    public void Requests_due_at_a_tick_are_taken_in_submission_order_and_the_rest_wait()
    {
        var queue = new RequestQueue<string>(new LatencyDraws(2, 2, 1));
        queue.Submit(0, "a"); // due at 2
        queue.Submit(1, "b"); // due at 3
        queue.Submit(1, "c"); // due at 3
        queue.Submit(3, "d"); // due at 5
        var due = new List<string>();

        queue.TakeDue(1, due);
        Assert.Empty(due);
        Assert.Equal(2, queue.NextDue);
        queue.TakeDue(2, due);
        Assert.Equal(["a"], due);
        due.Clear();
        queue.TakeDue(3, due);
        Assert.Equal(["b", "c"], due);
        Assert.Equal((1, 5), (queue.Count, queue.NextDue));
    }

    [Fact]
    public void Mixed_latencies_can_reorder_requests_by_due_tick_but_not_within_one()
    {
        var queue = new RequestQueue<int>(new LatencyDraws(1, 5, 7));
        var dues = Enumerable.Range(0, 50).Select(i => (Due: queue.Submit(0, i), Request: i)).ToList();
        var taken = new List<int>();
        for (var tick = 0; tick <= 6; tick++)
        {
            queue.TakeDue(tick, taken);
        }

        Assert.Equal(dues.OrderBy(d => d.Due).ThenBy(d => d.Request).Select(d => d.Request), taken);
        Assert.Equal((0, int.MaxValue), (queue.Count, queue.NextDue));
    }

    [Fact]
    public void What_is_still_in_flight_when_the_data_ends_is_drained_in_submission_order()
    {
        var queue = new RequestQueue<string>(new LatencyDraws(3, 3, 1));
        queue.Submit(5, "x");
        queue.Submit(6, "y");
        var left = new List<string>();

        queue.Drain(left);

        Assert.Equal(["x", "y"], left);
        Assert.Equal((0, int.MaxValue), (queue.Count, queue.NextDue));
    }
}
