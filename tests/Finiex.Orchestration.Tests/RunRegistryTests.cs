using Finiex.Orchestration.Registry;
using Finiex.Orchestration.Service;

namespace Finiex.Orchestration.Tests;

/// <summary>The run registry in its SQLite file: runs and stages survive a reopen, and a run left going is failed with the way on.</summary>
public sealed class RunRegistryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"finiex-registry-{Guid.NewGuid():N}");

    private string Database => Path.Combine(_folder, RunRegistry.FileName);

    private static RunRecord Run(string id, int minute) =>
        new() { Id = id, SetName = "eurusd_example", SetFile = "/sets/eurusd_example.json", CreatedAt = T0.AddMinutes(minute) };

    [Fact]
    public void Runs_and_their_stages_survive_a_reopen()
    {
        var registry = RunRegistry.Open(Database, T0);
        registry.Add(Run("a", 0));
        registry.Add(Run("b", 1));
        var running = Run("a", 0) with { Stage = BatchStage.Running, Progress = 42.5, Message = "3 of 7 scenarios", ResultsFolder = "/results/a", UpdatedAt = T0.AddSeconds(5) };
        registry.Update(running);
        registry.Update(running with { Progress = 50, UpdatedAt = T0.AddSeconds(6) }); // no new stage
        var done = running with { Stage = BatchStage.Completed, Progress = 100, UpdatedAt = T0.AddSeconds(9), FinishedAt = T0.AddSeconds(9) };
        registry.Update(done);

        var reopened = RunRegistry.Open(Database, T0.AddHours(1));

        Assert.Equal(done with { Message = "3 of 7 scenarios" }, reopened.Get("a"));
        Assert.Equal([BatchStage.Pending, BatchStage.Running, BatchStage.Completed], reopened.Stages("a").Select(s => s.Stage));
        Assert.Equal(T0.AddSeconds(5), reopened.Stages("a")[1].At);
        Assert.Equal(["b", "a"], reopened.List().Select(r => r.Id)); // newest first
        Assert.Equal(["a"], reopened.List(stage: BatchStage.Completed).Select(r => r.Id));
        Assert.Null(reopened.Get("nope"));
    }

    [Fact]
    public void A_run_left_going_by_a_stopped_server_is_failed_with_the_command_that_continues_it()
    {
        var registry = RunRegistry.Open(Database, T0);
        registry.Add(Run("going", 0));
        registry.Update(Run("going", 0) with { Stage = BatchStage.Running, ResultsFolder = "/results/going", UpdatedAt = T0.AddSeconds(1) });
        registry.Add(Run("queued", 1));

        var reopened = RunRegistry.Open(Database, T0.AddMinutes(10));

        var going = reopened.Get("going")!;
        Assert.Equal(BatchStage.Failed, going.Stage);
        Assert.Equal(T0.AddMinutes(10), going.FinishedAt);
        Assert.Contains("stopped while this run was running", going.Error, StringComparison.Ordinal);
        Assert.Contains("finiex run --resume /results/going", going.Error, StringComparison.Ordinal);
        Assert.Contains("finiex run /sets/eurusd_example.json", reopened.Get("queued")!.Error, StringComparison.Ordinal);
        Assert.Equal(BatchStage.Failed, reopened.Stages("going")[^1].Stage);
    }

    [Fact]
    public void Only_finished_runs_are_removed()
    {
        var registry = RunRegistry.Open(Database, T0);
        registry.Add(Run("a", 0));
        Assert.False(registry.Remove("a"));
        registry.Update(Run("a", 0) with { Stage = BatchStage.Canceled, UpdatedAt = T0.AddSeconds(1) });

        Assert.True(registry.Remove("a"));
        Assert.Null(registry.Get("a"));
        Assert.Empty(registry.Stages("a"));
        Assert.False(registry.Remove("a"));
    }

    [Fact]
    public void Threads_writing_at_once_lose_nothing()
    {
        var registry = RunRegistry.Open(Database, T0);
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            registry.Add(Run($"r{i}", i));
            registry.Update(Run($"r{i}", i) with { Stage = BatchStage.Running, Progress = i, UpdatedAt = T0.AddMinutes(i).AddSeconds(1) });
        });

        var runs = registry.List(limit: 100);
        Assert.Equal(40, runs.Count);
        Assert.All(runs, r => Assert.Equal((BatchStage.Running, int.Parse(r.Id[1..], System.Globalization.CultureInfo.InvariantCulture)), (r.Stage, (int)r.Progress)));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
