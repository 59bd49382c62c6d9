using Finiex.Core.Scenarios;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Results;

namespace Finiex.Orchestration.Tests;

/// <summary>The example set run once in-process into a results folder, shared by the report tests.</summary>
public sealed class ReportFixture : IAsyncLifetime
{
    public string Output { get; } = Path.Combine(Path.GetTempPath(), $"finiex-report-{Guid.NewGuid():N}");

    public string RunFolder { get; private set; } = "";

    public BatchResult Batch { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var report = BatchFixture.Load(BatchFixture.ExampleSet);
        using var folder = ResultsFolder.Create(Output, report, new BatchHeader(report.Name, report.SourceFile, DateTimeOffset.UtcNow, "threads", 2));
        (Batch, _) = await BatchFixture.RunAsync(report, ExecutionMode.Threads, 2, new BatchOptions { Outcomes = folder });
        folder.Complete(Batch);
        RunFolder = folder.FullPath;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Output))
        {
            Directory.Delete(Output, recursive: true);
        }

        return Task.CompletedTask;
    }
}
