using System.Text.RegularExpressions;
using Finiex.Core.Scenarios;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Service;
using Finiex.Tests.Shared;

namespace Finiex.Orchestration.Tests;

/// <summary>The batch job: one object from request to results, with an id and stages, as finiex run drives it.</summary>
public sealed class BatchJobTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_job_goes_through_its_stages_to_a_results_folder_with_a_report()
    {
        var output = Path.Combine(Path.GetTempPath(), $"finiex-job-{Guid.NewGuid():N}");
        try
        {
            using var job = new BatchJob(new BatchRequest { SetFile = BatchFixture.ExampleSet, StoreFolder = RepoPaths.SampleStore, OutRoot = output, Mode = ExecutionMode.Threads });
            Assert.Equal(BatchStage.Pending, job.Stage);

            var report = job.Validate();
            Assert.Equal(BatchStage.Validating, job.Stage);
            Assert.Matches(new Regex(@"^eurusd_example--\d{4}-\d{2}-\d{2}_\d{2}\.\d{2}\.\d{2}--[0-9a-f]{6}$"), job.Id);
            using var events = job.Events.Subscribe();
            Assert.Equal(7, report.Scenarios.Length);
            Assert.Equal(report.Scenarios.Sum(s => s.Ticks), job.Size!.Ticks);

            job.Prepare();
            Assert.Equal(BatchStage.PreparingData, job.Stage);
            Assert.True(File.Exists(Path.Combine(job.Results.FullPath, "summary.json")));

            var batch = await job.RunAsync();
            Assert.Equal(BatchStage.WritingResults, job.Stage);
            var completion = job.Complete(batch);

            Assert.Equal(BatchStage.Completed, job.Stage);
            Assert.True(completion.AllWritten);
            Assert.Equal(Path.Combine(job.Results.FullPath, "report.html"), completion.ReportPath);
            Assert.Equal(7, batch.Scenarios.Count(s => s.Result.Success));
            var seen = new List<BatchEvent>();
            await foreach (var e in events.ReadAllAsync())
            {
                seen.Add(e); // ends with the batch
            }

            Assert.All(seen, e => Assert.Equal(job.Id, e.BatchId));
            Assert.Equal(Enumerable.Range(1, seen.Count).Select(i => (long)i), seen.Select(e => e.Sequence));
            Assert.Equal(BatchEventKind.BatchFinished, seen[^1].Kind);
            var finishedEvents = seen.OfType<ScenarioFinished>().ToList();
            Assert.Equal(7, finishedEvents.Count);
            Assert.All(finishedEvents, e => Assert.Equal(batch.Scenarios.Single(s => s.Index == e.ScenarioIndex).Result.Statistics, e.Result!.Statistics));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void A_job_that_cannot_go_on_says_why_and_is_failed()
    {
        using var noSet = new BatchJob(new BatchRequest());
        Assert.Equal(BatchJobError.NoSet, Assert.Throws<BatchJobException>(noSet.Validate).Error);
        Assert.Equal(BatchStage.Failed, noSet.Stage);

        using var missing = new BatchJob(new BatchRequest { SetFile = "/nowhere/set.json", StoreFolder = RepoPaths.SampleStore });
        Assert.Equal(BatchJobError.SetUnusable, Assert.Throws<BatchJobException>(missing.Validate).Error);
        Assert.NotEmpty(missing.Report!.SetProblems);

        var blocker = Path.GetTempFileName(); // a file where the results root should be
        try
        {
            using var unwritable = new BatchJob(new BatchRequest { SetFile = BatchFixture.ExampleSet, StoreFolder = RepoPaths.SampleStore, OutRoot = blocker });
            unwritable.Validate();
            var error = Assert.Throws<BatchJobException>(unwritable.Prepare);
            Assert.Equal(BatchJobError.ResultsFolder, error.Error);
            Assert.Contains("--out", error.Message, StringComparison.Ordinal);
            Assert.Equal(BatchStage.Failed, unwritable.Stage);
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}
