using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Finiex.Server.Runs;
using Finiex.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Finiex.Server.Tests;

/// <summary>
/// A run server on a free loopback port with its own results and configs folders (a copy of the repository's configs),
/// and a client that sends its token; it can be restarted on the same folders.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string Token = "s3cret";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"finiex-server-{Guid.NewGuid():N}");
    private WebApplication _app = null!;

    private TestServer(Func<ServerSettings, ServerSettings>? adjust)
    {
        CopyFolder(Path.Combine(RepoPaths.Root, "configs"), Path.Combine(_root, "configs"));
        var settings = new ServerSettings
        {
            ResultsRoot = Path.Combine(_root, "results"), ConfigsFolder = Path.Combine(_root, "configs"), StoreFolder = RepoPaths.SampleStore, Token = Token, Runners = 2,
        };
        Settings = adjust?.Invoke(settings) ?? settings;
    }

    public ServerSettings Settings { get; }

    public HttpClient Client { get; private set; } = null!;

    public RunManager Runs => _app.Services.GetRequiredService<RunManager>();

    public static async Task<TestServer> StartAsync(int maxParallelRuns = 2, int maxQueuedRuns = 20, Func<ServerSettings, ServerSettings>? adjust = null)
    {
        var server = new TestServer(s => (adjust?.Invoke(s) ?? s) with { MaxParallelRuns = maxParallelRuns, MaxQueuedRuns = maxQueuedRuns });
        await server.ListenAsync();
        return server;
    }

    /// <summary>Stops the server and starts a new one on the same folders (and a new port).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await ListenAsync();
    }

    /// <summary>The example set with its scenarios replaced by one EURUSD grid of <paramref name="variants"/> RSI buy levels (two days each: about 0.1 s a variant).</summary>
    public static JsonObject Grid(string name, int variants)
    {
        var set = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json")))!.AsObject();
        set.Remove("$schema");
        set["name"] = name;
        set["scenarios"] = new JsonArray(new JsonObject
        {
            ["name"] = "grid",
            ["symbol"] = "EURUSD",
            ["start"] = "2014-05-06T00:00:00Z",
            ["end"] = "2014-05-08T00:00:00Z",
            ["grid"] = new JsonObject { ["strategy.decision.params.rsi_buy"] = new JsonArray([.. Enumerable.Range(0, variants).Select(i => (JsonNode)(20 + (i * 40.0 / variants)))]) },
        });
        return set;
    }

    /// <summary>
    /// <paramref name="count"/> scenarios of the example strategy over windows a minute apart: none shares its ticks with
    /// another, so none is fused and each result arrives on its own.
    /// </summary>
    public static JsonObject Windows(string name, int count)
    {
        var set = Grid(name, 1);
        var start = new DateTimeOffset(2014, 5, 6, 0, 0, 0, TimeSpan.Zero);
        set["scenarios"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["name"] = $"w{i:000}",
            ["symbol"] = "EURUSD",
            ["start"] = start.AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["end"] = start.AddMinutes(i).AddDays(2).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        })]);
        return set;
    }

    public Uri WebSocketUri(string pathAndQuery) => new(Client.BaseAddress!.ToString().Replace("http", "ws", StringComparison.Ordinal) + pathAndQuery);

    public async Task<ClientWebSocket> ConnectAsync(string pathAndQuery)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {Token}");
        await socket.ConnectAsync(WebSocketUri(pathAndQuery), CancellationToken.None);
        return socket;
    }

    /// <summary>Submits a run and returns its id; the submission must be accepted.</summary>
    public async Task<string> SubmitAsync(object body)
    {
        var response = await Client.PostAsJsonAsync(new Uri("/runs", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {text}");
        using var created = JsonDocument.Parse(text);
        return created.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync(new Uri(path, UriKind.Relative)));
        return document.RootElement.Clone();
    }

    /// <summary>The run's detail once it has ended (polled every 50 ms, for at most two minutes).</summary>
    public async Task<JsonElement> WaitForEndAsync(string id) => await WaitForAsync(id, run => run.GetProperty("stage").GetString() is "completed" or "failed" or "canceled");

    public async Task<JsonElement> WaitForAsync(string id, Func<JsonElement, bool> condition)
    {
        for (var waited = 0; waited < 2_400; waited++)
        {
            var detail = await GetJsonAsync($"/runs/{id}");
            if (condition(detail.GetProperty("run")))
            {
                return detail;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"run {id} did not get there within two minutes");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task ListenAsync()
    {
        _app = ServerApp.Build(Settings, ["http://127.0.0.1:0"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    private async Task StopAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
