using System.Text.Json;

namespace Finiex.Server.Tests;

/// <summary>Following runs live over WebSockets: snapshots valid at their sequence number, every change in order, resync, and clients that do not read.</summary>
[Collection("server")]
public sealed class LiveStreamTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(maxParallelRuns: 1);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>After each snapshot, messages go on from its sequence number with no gap.</summary>
    private static void AssertNoGaps(IEnumerable<JsonElement> messages)
    {
        long? last = null;
        foreach (var message in messages.Where(m => m.TryGetProperty("sequence", out _)))
        {
            if (message.Type() != "snapshot" && last is { } previous)
            {
                Assert.Equal(previous + 1, message.Sequence());
            }

            last = message.Sequence();
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task One_runs_socket_gives_a_snapshot_then_every_patch_and_log_line_in_order_until_the_end()
    {
        await _server.SubmitAsync(new { definition = TestServer.Grid("first", 4) }); // takes the one place
        var id = await _server.SubmitAsync(new { set = "eurusd_example" });
        using var socket = await _server.ConnectAsync($"ws?run={id}");

        var messages = await socket.ReceiveAllAsync();

        Assert.Equal("snapshot", messages[0].Type());
        Assert.Equal(id, messages[0].GetProperty("run").GetProperty("id").GetString());
        Assert.Equal("end", messages[^1].Type());
        Assert.Equal("completed", messages[^1].GetProperty("run").GetProperty("stage").GetString());
        AssertNoGaps(messages);
        Assert.Equal(messages[0].Sequence() + 1, messages[1].Sequence());
        var patches = messages.Where(m => m.Type() == "patch").Select(m => m.GetProperty("event")).ToList();
        var finished = patches.Where(e => e.GetProperty("kind").GetString() == "scenario_finished").ToList();
        Assert.Equal(7, finished.Count);
        Assert.All(finished, e => Assert.True(e.GetProperty("statistics").GetProperty("ticks_processed").GetInt64() > 0));
        Assert.Equal("batch_finished", patches[^1].GetProperty("kind").GetString());
        Assert.Contains(messages, m => m.Type() == "log" && m.GetProperty("line").GetProperty("message").GetString() == "Running scenarios…");

        using var ended = await _server.ConnectAsync($"ws?run={id}");
        var last = await ended.ReceiveAsync();
        Assert.Equal("ended", last!.Value.Type());
    }

    [Fact(Timeout = 180_000)]
    public async Task A_client_that_asks_for_a_resync_gets_a_fresh_snapshot_and_goes_on_from_it()
    {
        var id = await _server.SubmitAsync(new { definition = TestServer.Grid("resync", 200) });
        using var socket = await _server.ConnectAsync($"ws?run={id}");
        var messages = new List<JsonElement> { (await socket.ReceiveAsync())!.Value };
        while (messages.Count < 10 && await socket.ReceiveAsync() is { } message)
        {
            messages.Add(message);
        }

        await socket.SendResyncAsync(); // as a client does when it sees a gap
        messages.AddRange(await socket.ReceiveAllAsync());

        var snapshots = messages.Select((m, i) => (m, i)).Where(x => x.m.Type() == "snapshot").ToList();
        Assert.Equal(2, snapshots.Count);
        var resync = snapshots[1].m;
        Assert.True(resync.Sequence() >= messages[9].Sequence());
        Assert.NotEmpty(resync.GetProperty("scenarios").EnumerateArray());
        Assert.Equal("end", messages[^1].Type());
        AssertNoGaps(messages);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_all_runs_socket_gives_a_snapshot_then_the_new_run_and_a_compact_patch_per_change()
    {
        var earlier = await _server.SubmitAsync(new { set = "eurusd_example" });
        await _server.WaitForEndAsync(earlier);
        using var socket = await _server.ConnectAsync("ws");
        var snapshot = (await socket.ReceiveAsync())!.Value;
        Assert.Equal("snapshot", snapshot.Type());
        Assert.Contains(snapshot.GetProperty("runs").EnumerateArray(), r => r.GetProperty("id").GetString() == earlier);

        var id = await _server.SubmitAsync(new { set = "eurusd_example" });
        var messages = new List<JsonElement> { snapshot };
        while (await socket.ReceiveAsync() is { } message)
        {
            messages.Add(message);
            if (message.Type() == "patch" && message.GetProperty("run").GetProperty("id").GetString() == id && message.GetProperty("run").GetProperty("stage").GetString() == "completed")
            {
                break;
            }
        }

        AssertNoGaps(messages);
        var added = messages.Single(m => m.Type() == "added").GetProperty("run");
        Assert.Equal((id, "pending", "eurusd_example"), (added.GetProperty("id").GetString(), added.GetProperty("stage").GetString(), added.GetProperty("set_name").GetString()));
        var patches = messages.Where(m => m.Type() == "patch").Select(m => m.GetProperty("run")).Where(r => r.GetProperty("id").GetString() == id).ToList();
        Assert.Equal(["validating", "preparing_data", "running", "writing_results", "completed"], patches.Select(r => r.GetProperty("stage").GetString()).Distinct());
        Assert.All(patches, p => Assert.False(p.TryGetProperty("set_file", out _))); // compact: what changes, not the whole record

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await _server.Client.DeleteAsync(new Uri($"/runs/{earlier}", UriKind.Relative))).StatusCode);
        var removed = (await socket.ReceiveAsync())!.Value;
        Assert.Equal(("removed", earlier), (removed.Type(), removed.GetProperty("id").GetString()));
    }

    [Fact(Timeout = 180_000)]
    public async Task Clients_that_never_read_do_not_hold_up_a_run()
    {
        var id = await _server.SubmitAsync(new { definition = TestServer.Grid("unread", 12) });
        var stalled = new List<System.Net.WebSockets.ClientWebSocket>();
        for (var i = 0; i < 3; i++)
        {
            stalled.Add(await _server.ConnectAsync($"ws?run={id}"));
            stalled.Add(await _server.ConnectAsync("ws"));
        }

        var run = (await _server.WaitForEndAsync(id)).GetProperty("run");

        Assert.Equal("completed", run.GetProperty("stage").GetString());
        Assert.Equal(6, (await _server.GetJsonAsync("/metrics")).GetProperty("web_socket_clients").GetInt32());
        foreach (var socket in stalled)
        {
            socket.Abort();
            socket.Dispose();
        }
    }
}
