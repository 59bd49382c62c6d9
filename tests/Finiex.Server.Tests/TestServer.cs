using System.Net.Http.Headers;
using Finiex.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Finiex.Server.Tests;

/// <summary>A run server on a free local port with its own results folder, and a client that sends its token.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string Token = "s3cret";
    private readonly string _results = Path.Combine(Path.GetTempPath(), $"finiex-server-{Guid.NewGuid():N}");
    private WebApplication _app = null!;

    private TestServer()
    {
    }

    public HttpClient Client { get; private set; } = null!;

    public static string ExampleSet => Path.Combine(RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json");

    /// <summary>Where a WebSocket connects for <paramref name="path"/> (e.g. <c>api/runs/ID/events</c>).</summary>
    public Uri WebSocketUri(string path) => new(Client.BaseAddress!.ToString().Replace("http", "ws", StringComparison.Ordinal) + path);

    public static async Task<TestServer> StartAsync(int maxParallelRuns, int maxQueuedRuns)
    {
        var server = new TestServer();
        server._app = ServerApp.Build(new ServerSettings
        {
            ResultsRoot = server._results, StoreFolder = RepoPaths.SampleStore, Token = Token, MaxParallelRuns = maxParallelRuns, MaxQueuedRuns = maxQueuedRuns, Runners = 2,
        }, ["http://127.0.0.1:0"]);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Client = new HttpClient { BaseAddress = new Uri(address) };
        server.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_results))
        {
            Directory.Delete(_results, recursive: true);
        }
    }
}
