using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Finiex.Server.Security;

namespace Finiex.Server.Tests;

/// <summary>The token, where the server may listen, names and ids that could reach outside its folders, body limits, the page's CSP.</summary>
[Collection("server")]
public sealed class ServerSecurityTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(adjust: s => s with { MaxRequestBytes = 64 * 1024, MaxScenariosPerRun = 3 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://192.168.1.10:5080")]
    [InlineData("http://[::]:5080")]
    public void Listening_beyond_loopback_needs_a_token(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => ListenAddresses.Check([url], token: null));
        Assert.Contains("--token", error.Message, StringComparison.Ordinal);
        ListenAddresses.Check([url], token: "t0ken");
        ListenAddresses.Check(["http://127.0.0.1:5080", "http://localhost:5080", "http://[::1]:5080"], token: null);
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_request_needs_the_token_sent_as_a_header_or_for_a_websocket_in_the_query()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Client.BaseAddress };
        foreach (var path in new[] { "/runs", "/health", "/metrics", "/sets", "/openapi/v1.json", "/ws" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/", UriKind.Relative))).StatusCode); // the page holds no data; it asks for the token
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/dashboard/dashboard.js", UriKind.Relative))).StatusCode);

        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestServer.Token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/runs", UriKind.Relative))).StatusCode);
        using var browserLike = new HttpClient { BaseAddress = _server.Client.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await browserLike.GetAsync(new Uri($"/runs?access_token={TestServer.Token}", UriKind.Relative))).StatusCode);

        using var refused = new System.Net.WebSockets.ClientWebSocket();
        await Assert.ThrowsAnyAsync<System.Net.WebSockets.WebSocketException>(() => refused.ConnectAsync(_server.WebSocketUri("ws"), CancellationToken.None));
        using var browser = new System.Net.WebSockets.ClientWebSocket();
        await browser.ConnectAsync(_server.WebSocketUri($"ws?access_token={TestServer.Token}"), CancellationToken.None);
        Assert.Equal("snapshot", (await browser.ReceiveAsync())!.Value.Type());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("scenario_sets/../../secret")]
    [InlineData("..")]
    [InlineData("brokers/vantage_demo.json\u0000")]
    public async Task A_set_name_cannot_reach_outside_the_configs_folder(string name)
    {
        var response = await _server.Client.PostAsJsonAsync(new Uri("/runs", UriKind.Relative), new { set = name });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await _server.GetJsonAsync("/runs")).EnumerateArray());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("/runs/..%2F..%2Fruns.db")]
    [InlineData("/runs/..%2F..%2Fruns.db/report")]
    [InlineData("/runs/eurusd_example--2026-01-01_00.00.00--abcdef%2F..%2F..%2Fx/logs/download")]
    [InlineData("/runs/%2E%2E/scenarios")]
    public async Task A_run_id_that_is_not_one_is_not_found(string path)
    {
        var response = await _server.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Oversized_bodies_and_sets_with_too_many_scenarios_are_refused()
    {
        var huge = new StringContent($"{{\"definition\": {{\"name\": \"x\", \"description\": \"{new string('a', 100_000)}\"}}}}", Encoding.UTF8, "application/json");
        var response = await _server.Client.PostAsync(new Uri("/runs", UriKind.Relative), huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("65,536 bytes", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);

        var tooMany = await _server.Client.PostAsJsonAsync(new Uri("/runs", UriKind.Relative), new { definition = TestServer.Grid("many", 4) });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 3", (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_dashboard_page_sets_a_content_security_policy()
    {
        var page = await _server.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Client.GetAsync(new Uri("/dashboard/..%2F..%2Fappsettings.json", UriKind.Relative))).StatusCode);
    }
}
