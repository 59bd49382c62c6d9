using Finiex.Core.Scenarios;
using Finiex.Engine.Catalog;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Processes;

namespace Finiex.Orchestration.Tests;

/// <summary>Two batches at once on one process-wide pool of runner processes give the results each gives alone.</summary>
[Collection("processes")]
public sealed class SharedSlotsTests
{
    [Fact(Timeout = 180_000)]
    public async Task Two_batches_sharing_two_runners_give_the_results_of_separate_runs()
    {
        var set = BatchFixture.SmallSet();
        var alone = BatchFixture.Fingerprint((await BatchFixture.RunAsync(set, ExecutionMode.Threads, 2)).Batch);
        var before = BatchFixture.RunnerPids();
        var slots = new List<IExecutionSlot> { new RunnerProcessSlot(0, BatchFixture.Launch()), new RunnerProcessSlot(1, BatchFixture.Launch()) };
        try
        {
            await using (var pool = new ExecutionCoordinator(slots, maxBatches: 2))
            {
                Task<BatchResult> Run(string id) => new BatchOrchestrator(BatchFixture.Store, StrategyCatalog.CreateDefault(), new BatchEventHub(id))
                    .RunAsync(set, new ExecutionPlan(ExecutionMode.Processes, 2, "test"), new BatchOptions { Coordinator = pool });

                var results = await Task.WhenAll(Run("a"), Run("b")).WaitAsync(TimeSpan.FromMinutes(2));

                Assert.All(results, batch => Assert.Equal(alone, BatchFixture.Fingerprint(batch)));
                Assert.All(results, batch => Assert.Equal(2, batch.Parallelism));
                Assert.Equal(2, slots.OfType<RunnerProcessSlot>().Sum(s => s.RunnerStarts.Count)); // the runners served both batches
            }
        }
        finally
        {
            foreach (var slot in slots)
            {
                await slot.DisposeAsync();
            }
        }

        BatchFixture.AssertNoRunnerSurvives(before);
    }

    [Fact(Timeout = 180_000)]
    public async Task Jobs_given_the_process_runner_pool_run_on_it_and_the_pool_shuts_its_runners_down()
    {
        var output = Path.Combine(Path.GetTempPath(), $"finiex-pool-{Guid.NewGuid():N}");
        var before = BatchFixture.RunnerPids();
        try
        {
            await using (var pool = ExecutionCoordinator.WithRunnerProcesses(runners: 2, maxBatches: 2, BatchFixture.Launch()))
            {
                async Task<Service.BatchCompletion> Job()
                {
                    using var job = new Service.BatchJob(new Service.BatchRequest
                    {
                        SetFile = BatchFixture.ExampleSet, StoreFolder = Finiex.Tests.Shared.RepoPaths.SampleStore, OutRoot = output, Mode = ExecutionMode.Processes,
                    }, pool);
                    job.Validate();
                    job.Prepare();
                    return job.Complete(await job.RunAsync());
                }

                var done = await Task.WhenAll(Job(), Job()).WaitAsync(TimeSpan.FromMinutes(2));
                Assert.All(done, c => Assert.True(c.Batch.AllCompleted && c.AllWritten));
                Assert.Equal(BatchFixture.Fingerprint(done[0].Batch), BatchFixture.Fingerprint(done[1].Batch));
                Assert.Equal(2, pool.Slots.OfType<RunnerProcessSlot>().Sum(s => s.RunnerStarts.Count));
            }

            BatchFixture.AssertNoRunnerSurvives(before);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
