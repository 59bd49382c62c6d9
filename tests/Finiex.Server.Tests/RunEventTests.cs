using System.Net.Http.Json;
using System.Text.Json;

namespace Finiex.Server.Tests;

/// <summary>Following a run live over a WebSocket: snapshot, every event in order, the end.</summary>
[Collection("server")]
public sealed class RunEventTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(maxParallelRuns: 1, maxQueuedRuns: 20);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact(Timeout = 180_000)]
    public async Task A_websocket_gets_a_snapshot_then_every_event_in_order_until_the_end()
    {
        var set = TestServer.ExampleSet;
        await _server.Client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set }); // takes the one place
        using var queued = JsonDocument.Parse(await (await _server.Client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set })).Content.ReadAsStringAsync());
        var id = queued.RootElement.GetProperty("id").GetString()!;

        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {TestServer.Token}");
        await socket.ConnectAsync(_server.WebSocketUri($"api/runs/{id}/events"), CancellationToken.None);
        var messages = new List<JsonElement>();
        var buffer = new byte[1 << 20];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
            {
                break;
            }

            Assert.True(received.EndOfMessage);
            messages.Add(JsonDocument.Parse(buffer.AsMemory(0, received.Count)).RootElement.Clone());
        }

        Assert.Equal("snapshot", messages[0].GetProperty("type").GetString());
        Assert.Equal(id, messages[0].GetProperty("batch_id").GetString());
        Assert.Equal("end", messages[^1].GetProperty("type").GetString());
        Assert.Equal("completed", messages[^1].GetProperty("run").GetProperty("stage").GetString());
        var events = messages.Where(m => m.GetProperty("type").GetString() == "event").Select(m => m.GetProperty("event")).ToList();
        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range((int)sequences[0], sequences.Count).Select(i => (long)i), sequences); // no gap, in order
        Assert.Equal(messages[0].GetProperty("sequence").GetInt64() + 1, sequences[0]);
        var finished = events.Where(e => e.GetProperty("kind").GetString() == "scenario_finished").ToList();
        Assert.Equal(7, finished.Count);
        Assert.All(finished, e => Assert.True(e.GetProperty("statistics").GetProperty("ticks_processed").GetInt64() > 0));
        Assert.Equal("batch_finished", events[^1].GetProperty("kind").GetString());

        using var ended = new System.Net.WebSockets.ClientWebSocket();
        ended.Options.SetRequestHeader("Authorization", $"Bearer {TestServer.Token}");
        await ended.ConnectAsync(_server.WebSocketUri($"api/runs/{id}/events"), CancellationToken.None);
        var last = await ended.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal("ended", JsonDocument.Parse(buffer.AsMemory(0, last.Count)).RootElement.GetProperty("type").GetString());
    }
}
