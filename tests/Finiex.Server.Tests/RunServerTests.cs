using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Finiex.Server.Tests;

/// <summary>The run server on a real Kestrel port: runs go through their stages on the shared runner pool and end in the registry.</summary>
[Collection("server")]
public sealed class RunServerTests : IAsyncLifetime
{
    private TestServer _server = null!;

    private HttpClient Client => _server.Client;

    private static string ExampleSet => TestServer.ExampleSet;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(maxParallelRuns: 1, maxQueuedRuns: 1);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonElement> WaitForEndAsync(string id)
    {
        for (var waited = 0; waited < 1_200; waited++)
        {
            using var detail = JsonDocument.Parse(await Client.GetStringAsync(new Uri($"/api/runs/{id}", UriKind.Relative)));
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
        var response = await Client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set = ExampleSet });
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
        using var list = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/api/runs?stage=completed", UriKind.Relative)));
        Assert.Contains(list.RootElement.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
    }

    [Fact(Timeout = 180_000)]
    public async Task Bad_requests_get_errors_a_person_can_act_on()
    {
        using var anonymous = new HttpClient { BaseAddress = Client.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/runs", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { mode = "threads" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri("/api/runs/nope", UriKind.Relative))).StatusCode);

        var missing = await Client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set = "/nowhere/set.json" });
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
        var first = await Client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set = ExampleSet });
        var second = await Client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set = ExampleSet });
        var third = await Client.PostAsJsonAsync(new Uri("/api/runs", UriKind.Relative), new { set = ExampleSet });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode, third.StatusCode));
        using var queued = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        var queuedId = queued.RootElement.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsync(new Uri($"/api/runs/{queuedId}/cancel", UriKind.Relative), null)).StatusCode);
        Assert.Equal("canceled", (await WaitForEndAsync(queuedId)).GetProperty("run").GetProperty("stage").GetString());
        using var running = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal("completed", (await WaitForEndAsync(running.RootElement.GetProperty("id").GetString()!)).GetProperty("run").GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync(new Uri($"/api/runs/{queuedId}/cancel", UriKind.Relative), null)).StatusCode);
    }
}

[CollectionDefinition("server", DisableParallelization = true)]
public sealed class ServerCollection;
