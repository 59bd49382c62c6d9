using System.Diagnostics;
using System.Text.Json;
using Finiex.Orchestration.Events;
using Xunit.Abstractions;

namespace Finiex.Server.Tests;

/// <summary>
/// Ten WebSocket clients following one run while its events come as fast as the server can publish them: each client's
/// stream stays whole (every event in order, or covered by a resync snapshot), and the figures (events/s published and
/// delivered per client) are written to live-fanout.json beside the tests for the notes; nothing here asserts a speed.
/// </summary>
[Collection("server")]
public sealed class LiveFanOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 10;
    private const int Events = 50_000;
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(maxParallelRuns: 0); // runs stay queued: their hubs exist, and nothing else takes the cores

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact(Timeout = 180_000)]
    public async Task Ten_clients_each_get_a_whole_stream_of_a_run_publishing_as_fast_as_it_can()
    {
        var id = await _server.SubmitAsync(new { set = "eurusd_example" });
        var hub = _server.Runs.EventsOf(id)!;
        // A flood far beyond what a client's queue holds: every stream stays whole, by resync snapshots where it fell behind.
        var flooded = await ConnectClientsAsync(id);
        var flood = await FollowWhilePublishingAsync(hub, flooded, new long[Clients], pace: null);
        Assert.All(flood.Results, r => Assert.True(r.Whole, r.Problem));
        await Task.WhenAll(flooded.Select(CloseAsync));

        // Fresh clients, bursts of 500 that they drain before the next: the rate the server sustains to all ten, nothing dropped.
        var followers = await ConnectClientsAsync(id);
        var paced = await FollowWhilePublishingAsync(hub, followers, new long[Clients], pace: 500);
        await Task.WhenAll(followers.Select(CloseAsync));
        Assert.All(paced.Results, r => Assert.True(r.Whole && r.Resyncs == 0 && r.Delivered == Events, $"{r.Problem}; {r.Resyncs} resyncs, {r.Delivered} delivered"));

        var figures = new
        {
            clients = Clients,
            events = Events,
            flood_published_per_second = Math.Round(Events / flood.PublishSeconds),
            flood_resyncs = flood.Results.Select(r => r.Resyncs).ToArray(),
            sustained_events_per_second_to_every_client = Math.Round(Events / paced.Results.Max(r => r.Seconds)),
            sustained_messages_per_second_in_total = Math.Round(Clients * Events / paced.Results.Max(r => r.Seconds)),
        };
        var json = JsonSerializer.Serialize(figures);
        output.WriteLine(json);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "live-fanout.json"), json);

        await _server.Client.PostAsync(new Uri($"/runs/{id}/cancel", UriKind.Relative), null);
        await _server.WaitForEndAsync(id);
    }

    /// <summary>Ten clients following the run, each past its first snapshot.</summary>
    private async Task<List<System.Net.WebSockets.ClientWebSocket>> ConnectClientsAsync(string id)
    {
        var sockets = new List<System.Net.WebSockets.ClientWebSocket>();
        for (var i = 0; i < Clients; i++)
        {
            var socket = await _server.ConnectAsync($"ws?run={id}");
            Assert.Equal("snapshot", (await socket.ReceiveAsync())!.Value.Type());
            sockets.Add(socket);
        }

        return sockets;
    }

    private static async Task CloseAsync(System.Net.WebSockets.ClientWebSocket socket)
    {
        await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        socket.Dispose();
    }

    private sealed record Followed(bool Whole, string Problem, int Delivered, int Resyncs, double Seconds);

    private sealed record Round(Followed[] Results, double PublishSeconds);

    /// <summary>Publishes <see cref="Events"/> log lines (in bursts of <paramref name="pace"/>, each drained by every client before the next; or all at once) while the clients follow.</summary>
    private static async Task<Round> FollowWhilePublishingAsync(BatchEventHub hub, List<System.Net.WebSockets.ClientWebSocket> sockets, long[] positions, int? pace)
    {
        var first = hub.LastSequence;
        var last = first + Events;
        var clock = Stopwatch.StartNew();
        var readers = sockets.Select((s, i) => Task.Run(() => FollowAsync(s, last, clock, positions, i))).ToList();
        for (var i = 0; i < Events; i++)
        {
            hub.Publish(new LogWritten("INFO", $"synthetic line {i}"));
            if (pace is { } burst && (i + 1) % burst == 0)
            {
                while (Enumerable.Range(0, positions.Length).Min(c => Volatile.Read(ref positions[c])) < first + i + 1)
                {
                    await Task.Delay(1);
                }
            }
        }

        var published = clock.Elapsed.TotalSeconds;
        return new Round(await Task.WhenAll(readers), published);
    }

    /// <summary>Reads until the stream has reached <paramref name="last"/>, checking it has no hole.</summary>
    private static async Task<Followed> FollowAsync(System.Net.WebSockets.WebSocket socket, long last, Stopwatch clock, long[] positions, int client)
    {
        var (delivered, resyncs, at) = (0, 0, Volatile.Read(ref positions[client]));
        while (at < last && await socket.ReceiveAsync() is { } message)
        {
            var sequence = message.Sequence();
            if (message.Type() == "snapshot")
            {
                resyncs++;
            }
            else if (at > 0 && sequence != at + 1)
            {
                return new Followed(false, $"after {at} came {sequence} without a snapshot", delivered, resyncs, clock.Elapsed.TotalSeconds);
            }
            else
            {
                delivered++;
            }

            at = sequence;
            Volatile.Write(ref positions[client], at);
        }

        return new Followed(at >= last, $"the stream ended at {at} before {last}", delivered, resyncs, clock.Elapsed.TotalSeconds);
    }
}
