using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Finiex.Server.Tests;

/// <summary>The run server on a real Kestrel port: runs go through their stages on the shared runner pool, and every REST endpoint answers.</summary>
[Collection("server")]
public sealed class RunServerTests : IAsyncLifetime
{
    private TestServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(maxParallelRuns: 1, maxQueuedRuns: 1);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact(Timeout = 180_000)]
    public async Task A_run_goes_through_its_stages_to_its_results_scenarios_and_report()
    {
        var id = await _server.SubmitAsync(new { set = "eurusd_example" });
        Assert.Matches(@"^eurusd_example--\d{4}-\d{2}-\d{2}_\d{2}\.\d{2}\.\d{2}--[0-9a-f]{6}$", id);

        var detail = await _server.WaitForEndAsync(id);

        var run = detail.GetProperty("run");
        Assert.Equal(("completed", "Completed"), (run.GetProperty("stage").GetString(), run.GetProperty("stage_label").GetString()));
        Assert.Equal(100, run.GetProperty("progress").GetDouble());
        Assert.Equal("7 of 7 scenarios completed", run.GetProperty("message").GetString());
        Assert.Equal(["pending", "validating", "preparing_data", "running", "writing_results", "completed"],
            detail.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        var completed = await _server.GetJsonAsync("/runs?status=completed");
        Assert.Contains(completed.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.DoesNotContain((await _server.GetJsonAsync("/runs?status=failed")).EnumerateArray(), r => r.GetProperty("id").GetString() == id);

        var scenarios = await _server.GetJsonAsync($"/runs/{id}/scenarios");
        var list = scenarios.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(7, list.Count);
        Assert.All(list, s => Assert.Equal(("completed", 100.0), (s.GetProperty("status").GetString(), s.GetProperty("percent").GetDouble())));
        var ranked = scenarios.GetProperty("sweeps")[0].GetProperty("ranked").EnumerateArray().ToList();
        Assert.Equal(4, ranked.Count); // the example's 2 × 2 grid
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.GetProperty("score").GetDouble() >= p.Second.GetProperty("score").GetDouble()));

        var one = await _server.GetJsonAsync($"/runs/{id}/scenarios/eurusd_may06");
        var statistics = one.GetProperty("statistics");
        Assert.Equal(statistics.GetProperty("trades").GetInt32(), one.GetProperty("trades").GetArrayLength());
        Assert.True(one.GetProperty("equity_curve").GetProperty("equity").GetArrayLength() > 0);
        Assert.Equal(list.Single(s => s.GetProperty("name").GetString() == "eurusd_may06").GetProperty("statistics").GetProperty("net_profit").GetDouble(),
            statistics.GetProperty("net_profit").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/runs/{id}/scenarios/nope", UriKind.Relative))).StatusCode);

        var conflict = await Client.PostAsync(new Uri($"/runs/{id}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode); // it completed: there is nothing to cancel
        Assert.Contains("Completed", (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);

        var report = await Client.GetAsync(new Uri($"/runs/{id}/report", UriKind.Relative));
        Assert.Equal("text/html", report.Content.Headers.ContentType!.MediaType);
        Assert.Contains("eurusd_may06", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Bad_requests_get_json_errors_a_person_can_act_on()
    {
        async Task<(HttpStatusCode, JsonElement)> Post(object body)
        {
            var response = await Client.PostAsJsonAsync(new Uri("/runs", UriKind.Relative), body);
            using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (response.StatusCode, error.RootElement.Clone());
        }

        var (status, error) = await Post(new { mode = "threads" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("\"set\"", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(new { set = "eurusd_example", mode = "fast" })).Item1);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(new { set = "no_such_set" })).Item1);

        var broken = TestServer.Grid("broken", 2);
        broken["scenarios"]![0]!["symbol"] = "NOPE";
        broken["defaults"]!["account"]!["initial_balance"] = -5;
        (status, error) = await Post(new { definition = broken });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var details = error.GetProperty("details").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.Contains(details, d => d.StartsWith("$.scenarios[0].symbol", StringComparison.Ordinal));
        Assert.Contains(details, d => d.Contains("initial_balance", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_server.Settings.ConfigsFolder, "submitted"))); // a refused set is not kept

        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync(new Uri("/runs?status=sleeping", UriKind.Relative))).StatusCode);
        var unknown = await Client.GetAsync(new Uri("/runs/eurusd_example--2020-01-01_00.00.00--abcdef", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("GET /runs", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync(new Uri("/runs/eurusd_example--2020-01-01_00.00.00--abcdef/cancel", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync(new Uri("/runs/eurusd_example--2020-01-01_00.00.00--abcdef", UriKind.Relative))).StatusCode);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_pasted_set_runs_and_is_kept_for_a_resume()
    {
        var id = await _server.SubmitAsync(new { definition = TestServer.Grid("pasted_grid", 2), mode = "threads" });

        var run = (await _server.WaitForEndAsync(id)).GetProperty("run");

        Assert.Equal("completed", run.GetProperty("stage").GetString());
        Assert.Equal("pasted_grid", run.GetProperty("set_name").GetString());
        Assert.Equal(Path.Combine(_server.Settings.ConfigsFolder, "submitted", $"{id}.json"), run.GetProperty("set_file").GetString());
        Assert.Equal(2, (await _server.GetJsonAsync($"/runs/{id}/scenarios")).GetProperty("scenarios").GetArrayLength());
    }

    [Fact(Timeout = 180_000)]
    public async Task Beyond_the_parallel_and_queued_runs_a_submission_is_refused_and_a_queued_run_can_be_canceled()
    {
        // One place to run and one to wait: the third submission, made while the first still runs, is refused with 429.
        var first = await _server.SubmitAsync(new { definition = TestServer.Grid("long", 1000) });
        var queued = await _server.SubmitAsync(new { set = "eurusd_example" });
        var third = await Client.PostAsJsonAsync(new Uri("/runs", UriKind.Relative), new { set = "eurusd_example" });
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("try again", (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsync(new Uri($"/runs/{queued}/cancel", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsync(new Uri($"/runs/{queued}/cancel", UriKind.Relative), null)).StatusCode); // idempotent
        var canceled = await _server.WaitForEndAsync(queued);
        Assert.Equal(["pending", "canceled"], canceled.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsync(new Uri($"/runs/{queued}/cancel", UriKind.Relative), null)).StatusCode); // canceled: asking again is fine

        Assert.Equal(HttpStatusCode.Conflict, (await Client.DeleteAsync(new Uri($"/runs/{first}", UriKind.Relative))).StatusCode); // still going
        await Client.PostAsync(new Uri($"/runs/{first}/cancel", UriKind.Relative), null);
        Assert.Equal("canceled", (await _server.WaitForEndAsync(first)).GetProperty("run").GetProperty("stage").GetString());
        var folder = (await _server.GetJsonAsync($"/runs/{first}")).GetProperty("run").GetProperty("results_folder").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(new Uri($"/runs/{first}", UriKind.Relative))).StatusCode);
        Assert.False(Directory.Exists(folder));
        Assert.False(File.Exists(_server.Runs.LogFile(first)));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/runs/{first}", UriKind.Relative))).StatusCode);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_run_canceled_mid_run_keeps_what_it_finished()
    {
        const int variants = 300; // about 20 s on two runners: long enough to be caught in the middle
        var id = await _server.SubmitAsync(new { definition = TestServer.Windows("cancel_me", variants) }); // unfused: results arrive one by one
        var going = await _server.WaitForAsync(id, run => run.GetProperty("progress").GetDouble() > 2 || run.GetProperty("finished_at").ValueKind != JsonValueKind.Null);
        Assert.Equal("running", going.GetProperty("run").GetProperty("stage").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsync(new Uri($"/runs/{id}/cancel", UriKind.Relative), null)).StatusCode);
        var run = (await _server.WaitForEndAsync(id)).GetProperty("run");

        Assert.Equal("canceled", run.GetProperty("stage").GetString());
        var statuses = (await _server.GetJsonAsync($"/runs/{id}/scenarios")).GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToList();
        Assert.Equal(variants, statuses.Count);
        Assert.Contains("completed", statuses);
        Assert.Contains("canceled", statuses);
        Assert.Contains((await _server.GetJsonAsync($"/runs/{id}/logs?q=cancel")).GetProperty("lines").EnumerateArray(), l => l.GetProperty("level").GetString() == "WARN");
    }

    [Fact(Timeout = 180_000)]
    public async Task Two_runs_go_at_once_on_the_shared_slots_and_both_finish()
    {
        await using var server = await TestServer.StartAsync(maxParallelRuns: 2);
        var first = await server.SubmitAsync(new { definition = TestServer.Grid("first", 60) });
        var second = await server.SubmitAsync(new { definition = TestServer.Grid("second", 60) });
        var (bothGoing, mostBusy) = (false, 0);
        while (true)
        {
            var metrics = await server.GetJsonAsync("/metrics");
            mostBusy = Math.Max(mostBusy, metrics.GetProperty("slots_busy").GetInt32());
            bothGoing |= metrics.GetProperty("runs_by_stage").GetProperty("running").GetInt32() == 2;
            var stages = await Task.WhenAll(new[] { first, second }.Select(async id => (await server.GetJsonAsync($"/runs/{id}")).GetProperty("run").GetProperty("stage").GetString()));
            if (stages.All(s => s is "completed" or "failed" or "canceled"))
            {
                Assert.Equal(["completed", "completed"], stages.Select(s => s!));
                break;
            }

            await Task.Delay(20);
        }

        Assert.True(bothGoing, "the two runs never ran at the same time");
        Assert.InRange(mostBusy, 1, 2); // never more busy runners than the pool's 2 slots
        foreach (var id in new[] { first, second })
        {
            Assert.All((await server.GetJsonAsync($"/runs/{id}/scenarios")).GetProperty("scenarios").EnumerateArray(), s => Assert.Equal("completed", s.GetProperty("status").GetString()));
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task Health_metrics_and_the_openapi_document_answer()
    {
        Assert.Equal("ok", (await _server.GetJsonAsync("/health")).GetProperty("status").GetString());
        var metrics = await _server.GetJsonAsync("/metrics");
        Assert.Equal(2, metrics.GetProperty("slots").GetInt32());
        Assert.Equal(0, metrics.GetProperty("runs_by_stage").GetProperty("running").GetInt32());

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/plain;version=0.0.4");
        var prometheus = await (await Client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("# TYPE finiex_slots_busy gauge", prometheus, StringComparison.Ordinal);
        Assert.Contains("finiex_runs{stage=\"completed\"} 0", prometheus, StringComparison.Ordinal);

        var openApi = await _server.GetJsonAsync("/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string>(["/runs", "/runs/{id}", "/runs/{id}/cancel", "/runs/{id}/scenarios", "/runs/{id}/scenarios/{name}", "/runs/{id}/logs",
            "/runs/{id}/logs/download", "/runs/{id}/report", "/metrics", "/health", "/sets"]), paths.ToHashSet());
    }
}

[CollectionDefinition("server", DisableParallelization = true)]
public sealed class ServerCollection;
