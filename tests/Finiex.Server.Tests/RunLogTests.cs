using System.Net;
using System.Text.Json;

namespace Finiex.Server.Tests;

/// <summary>A run's log over REST: filters by level, source and text, paging by sequence number, and the download.</summary>
[Collection("server")]
public sealed class RunLogTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<List<JsonElement>> LinesAsync(string query) =>
        [.. (await _server.GetJsonAsync(query)).GetProperty("lines").EnumerateArray()];

    [Fact(Timeout = 180_000)]
    public async Task Log_lines_filter_page_and_download()
    {
        var id = await _server.SubmitAsync(new { set = "eurusd_example" });
        await _server.WaitForEndAsync(id);

        var all = await LinesAsync($"/runs/{id}/logs?limit=5000");
        Assert.True(all.Count > 10, $"only {all.Count} lines");
        var sequences = all.Select(l => l.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Contains(all, l => l.GetProperty("message").GetString()!.StartsWith("Running scenarios", StringComparison.Ordinal));

        // Paging: three lines at a time, continued by next_after_sequence, gives every line once and in order.
        var paged = new List<long>();
        var after = 0L;
        while (true)
        {
            var page = await _server.GetJsonAsync($"/runs/{id}/logs?after_seq={after}&limit=3");
            paged.AddRange(page.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sequence").GetInt64()));
            after = page.GetProperty("next_after_sequence").GetInt64();
            if (!page.GetProperty("has_more").GetBoolean())
            {
                break;
            }
        }

        Assert.Equal(sequences, paged);

        var warnings = await LinesAsync($"/runs/{id}/logs?min_level=warn");
        Assert.All(warnings, l => Assert.Contains(l.GetProperty("level").GetString(), new[] { "WARN", "ERROR", "FATAL" }));
        Assert.Equal(all.Count(l => l.GetProperty("level").GetString() is "WARN" or "ERROR" or "FATAL"), warnings.Count);
        var batch = await LinesAsync($"/runs/{id}/logs?source=batch");
        Assert.NotEmpty(batch);
        Assert.All(batch, l => Assert.Equal("batch", l.GetProperty("source").GetString()));
        var scenarioSources = all.Select(l => l.GetProperty("source").GetString()!).Where(s => s != "batch").Distinct().ToList();
        foreach (var source in scenarioSources)
        {
            Assert.All(await LinesAsync($"/runs/{id}/logs?source={source}"), l => Assert.Equal(source, l.GetProperty("source").GetString()));
        }

        var found = await LinesAsync($"/runs/{id}/logs?q=RUNNER%20PID");
        Assert.NotEmpty(found);
        Assert.All(found, l => Assert.Contains("runner pid", l.GetProperty("message").GetString()!, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.BadRequest, (await _server.Client.GetAsync(new Uri($"/runs/{id}/logs?min_level=loud", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _server.Client.GetAsync(new Uri($"/runs/{id}/logs?limit=0", UriKind.Relative))).StatusCode);

        var download = await _server.Client.GetAsync(new Uri($"/runs/{id}/logs/download", UriKind.Relative));
        Assert.Equal($"{id}.log", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var text = (await download.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(all.Count, text.Length);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z INFO  \[batch\] queued: 7 scenario\(s\)", text[0]);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_finished_runs_log_is_read_back_after_a_restart()
    {
        var id = await _server.SubmitAsync(new { set = "eurusd_example" });
        await _server.WaitForEndAsync(id);
        var before = await LinesAsync($"/runs/{id}/logs?limit=5000");

        await _server.RestartAsync();

        var after = await LinesAsync($"/runs/{id}/logs?limit=5000");
        Assert.Equal(before.Select(l => l.GetRawText()), after.Select(l => l.GetRawText()));
    }
}
