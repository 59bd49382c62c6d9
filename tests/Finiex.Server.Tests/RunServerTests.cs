using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Finiex.Server;
using Finiex.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Finiex.Server.Tests;

/// <summary>The run server on a real Kestrel port: runs go through their stages on the shared runner pool and end in the registry.</summary>
[Collection("server")]
public sealed class RunServerTests : IAsyncLifetime, IDisposable
{
    private const string Token = "s3cret";
    private readonly string _results = Path.Combine(Path.GetTempPath(), $"finiex-server-{Guid.NewGuid():N}");
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private static string ExampleSet => Path.Combine(RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json");

    public async Task InitializeAsync()
    {
        _app = ServerApp.Build(new ServerSettings { ResultsRoot = _results, StoreFolder = RepoPaths.SampleStore, Token = Token, MaxParallelRuns = 1, MaxQueuedRuns = 1, Runners = 2 },
            ["http://127.0.0.1:0"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public void Dispose() => _client.Dispose();

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }

    private async Task<JsonElement> WaitForEndAsync(string id)
    {
        for (var waited = 0; waited < 1_200; waited++)
        {
            using var detail = JsonDocument.Parse(await _client.GetStringAsync(new Uri($"/api/runs/{id}", UriKind.Relative)));
            var run = detail.RootElement.GetProperty("run");
            if (run.GetProperty("stage").GetString() is "completed" or "failed" or "canceled")
            {
                return detail.RootElement.Clone();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"run {id} did not end within two minutes");
    }

    [Fact(Timeout = 180_000)]
    public async Task A_run_goes_through_its_stages_to_its_results_folder()
    {
        var response = await _client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set = ExampleSet });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("id").GetString()!;
        Assert.Matches(@"^eurusd_example--\d{4}-\d{2}-\d{2}_\d{2}\.\d{2}\.\d{2}--[0-9a-f]{6}$", id);

        var detail = await WaitForEndAsync(id);

        var run = detail.GetProperty("run");
        Assert.Equal("completed", run.GetProperty("stage").GetString());
        Assert.Equal(100, run.GetProperty("progress").GetDouble());
        Assert.Equal("7 of 7 scenarios completed", run.GetProperty("message").GetString());
        Assert.True(File.Exists(Path.Combine(run.GetProperty("results_folder").GetString()!, "report.html")));
        Assert.Equal(["pending", "validating", "preparing_data", "running", "writing_results", "completed"],
            detail.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        using var list = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/runs?stage=completed", UriKind.Relative)));
        Assert.Contains(list.RootElement.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
    }

    [Fact(Timeout = 180_000)]
    public async Task Bad_requests_get_errors_a_person_can_act_on()
    {
        using var anonymous = new HttpClient { BaseAddress = _client.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/runs", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { mode = "threads" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/api/runs/nope", UriKind.Relative))).StatusCode);

        var missing = await _client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set = "/nowhere/set.json" });
        Assert.Equal(HttpStatusCode.Accepted, missing.StatusCode);
        using var created = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        var detail = await WaitForEndAsync(created.RootElement.GetProperty("id").GetString()!);
        Assert.Equal("failed", detail.GetProperty("run").GetProperty("stage").GetString());
        Assert.Contains("not found", detail.GetProperty("run").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Beyond_the_parallel_and_queued_runs_a_submission_is_refused_and_a_queued_run_can_be_canceled()
    {
        // One place to run and one to wait: the third submission, made while the first still runs, is refused.
        var first = await _client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set = ExampleSet });
        var second = await _client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set = ExampleSet });
        var third = await _client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set = ExampleSet });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode, third.StatusCode));
        using var queued = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        var queuedId = queued.RootElement.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await _client.PostAsync(new Uri($"/api/runs/{queuedId}/cancel", UriKind.Relative), null)).StatusCode);
        Assert.Equal("canceled", (await WaitForEndAsync(queuedId)).GetProperty("run").GetProperty("stage").GetString());
        using var running = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal("completed", (await WaitForEndAsync(running.RootElement.GetProperty("id").GetString()!)).GetProperty("run").GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync(new Uri($"/api/runs/{queuedId}/cancel", UriKind.Relative), null)).StatusCode);
    }
}

[Collection("server")]
public sealed partial class RunEventTests : IAsyncLifetime, IDisposable
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), $"finiex-events-{Guid.NewGuid():N}");
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = ServerApp.Build(new ServerSettings { ResultsRoot = _results, StoreFolder = RepoPaths.SampleStore, Token = "t", MaxParallelRuns = 1, Runners = 2 }, ["http://127.0.0.1:0"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t");
    }

    public void Dispose() => _client.Dispose();

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task A_websocket_gets_a_snapshot_then_every_event_in_order_until_the_end()
    {
        var set = Path.Combine(RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json");
        await _client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set }); // takes the one place
        using var queued = JsonDocument.Parse(await (await _client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set })).Content.ReadAsStringAsync());
        var id = queued.RootElement.GetProperty("id").GetString()!;

        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer t");
        await socket.ConnectAsync(new Uri(_client.BaseAddress!.ToString().Replace("http", "ws", StringComparison.Ordinal) + $"api/runs/{id}/events"), CancellationToken.None);
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
        ended.Options.SetRequestHeader("Authorization", "Bearer t");
        await ended.ConnectAsync(new Uri(_client.BaseAddress!.ToString().Replace("http", "ws", StringComparison.Ordinal) + $"api/runs/{id}/events"), CancellationToken.None);
        var last = await ended.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal("ended", JsonDocument.Parse(buffer.AsMemory(0, last.Count)).RootElement.GetProperty("type").GetString());
    }
}

[CollectionDefinition("server", DisableParallelization = true)]
public sealed class ServerCollection;
