using Finiex.Orchestration.Registry;
using Finiex.Orchestration.Service;

namespace Finiex.Server.Tests;

/// <summary>What survives a restart: finished runs with their stages, results and logs; a run the server was going through is failed with the way to resume it.</summary>
[Collection("server")]
public sealed class ServerRestartTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact(Timeout = 180_000)]
    public async Task Runs_survive_a_restart_and_one_left_going_is_failed_with_the_resume_command()
    {
        var id = await _server.SubmitAsync(new { set = "eurusd_example" });
        var before = await _server.WaitForEndAsync(id);
        var folder = before.GetProperty("run").GetProperty("results_folder").GetString()!;
        var registry = RunRegistry.Open(Path.Combine(_server.Settings.ResultsRoot, RunRegistry.FileName));
        var orphan = new RunRecord
        {
            Id = "eurusd_example--2026-01-01_00.00.00--0abcde", SetName = "eurusd_example", SetFile = "configs/scenario_sets/eurusd_example.json",
            CreatedAt = DateTimeOffset.UtcNow, ResultsFolder = folder + "-orphan",
        };
        registry.Add(orphan);
        registry.Update(orphan with { Stage = BatchStage.Running }); // as a server that died mid-run leaves it

        await _server.RestartAsync();

        var after = await _server.GetJsonAsync($"/runs/{id}");
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Equal(7, (await _server.GetJsonAsync($"/runs/{id}/scenarios")).GetProperty("scenarios").GetArrayLength());
        var failed = (await _server.GetJsonAsync($"/runs/{orphan.Id}")).GetProperty("run");
        Assert.Equal("failed", failed.GetProperty("stage").GetString());
        Assert.Contains($"finiex run --resume {orphan.ResultsFolder}", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Retention_deletes_finished_runs_beyond_the_limits_never_a_going_one()
    {
        await using var server = await TestServer.StartAsync(maxParallelRuns: 1, adjust: s => s with { KeepRunsPerSet = 1, KeepDays = 1, RetentionInterval = TimeSpan.FromMilliseconds(200) });
        var old = await server.SubmitAsync(new { set = "eurusd_example" });
        var oldFolder = (await server.WaitForEndAsync(old)).GetProperty("run").GetProperty("results_folder").GetString()!;
        var newer = await server.SubmitAsync(new { set = "eurusd_example" });
        await server.WaitForEndAsync(newer);

        for (var i = 0; i < 100 && Directory.Exists(oldFolder); i++)
        {
            await Task.Delay(100); // the background job prunes every 200 ms
        }

        Assert.False(Directory.Exists(oldFolder));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await server.Client.GetAsync(new Uri($"/runs/{old}", UriKind.Relative))).StatusCode);
        Assert.Equal("completed", (await server.GetJsonAsync($"/runs/{newer}")).GetProperty("run").GetProperty("stage").GetString()); // the newest of its set stays

        var going = await server.SubmitAsync(new { definition = TestServer.Grid("eurusd_example", 1000) });
        await server.WaitForAsync(going, run => run.GetProperty("stage").GetString() == "running");
        var pruned = await server.Runs.PruneAsync(DateTimeOffset.UtcNow.AddDays(2)); // as if two days had passed: older than KeepDays

        Assert.Equal([newer], pruned);
        Assert.Equal("running", (await server.GetJsonAsync($"/runs/{going}")).GetProperty("run").GetProperty("stage").GetString());
        await server.Client.PostAsync(new Uri($"/runs/{going}/cancel", UriKind.Relative), null);
        await server.WaitForEndAsync(going);
    }
}
