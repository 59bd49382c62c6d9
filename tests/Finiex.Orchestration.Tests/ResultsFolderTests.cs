using System.Text.Json;
using Finiex.Core.Scenarios;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Results;

namespace Finiex.Orchestration.Tests;

/// <summary>The results folder as the batch goes: files per scenario at once, failures per scenario, the final summary.</summary>
public sealed class ResultsFolderTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_scenario_whose_files_cannot_be_written_is_reported_and_the_others_are_kept()
    {
        var report = BatchFixture.SmallSet();
        var output = Path.Combine(Path.GetTempPath(), $"finiex-results-{Guid.NewGuid():N}");
        try
        {
            using var folder = ResultsFolder.Create(output, report, new BatchHeader(report.Name, report.SourceFile, DateTimeOffset.UtcNow, "sequential", 1));
            var victim = report.Scenarios[2];
            var blocked = Path.Combine(folder.FullPath, folder.FilesOf(victim.Index)!.Folder);
            Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
            await File.WriteAllTextAsync(blocked, "a file where the scenario's folder should go");

            var (batch, _) = await BatchFixture.RunAsync(report, ExecutionMode.Sequential, 1, new BatchOptions { Outcomes = folder });
            folder.Complete(batch);

            var failure = Assert.Single(folder.WriteErrors);
            Assert.Equal(victim.Name, failure.Scenario);
            using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullPath, "summary.json")));
            Assert.True(summary.RootElement.GetProperty("complete").GetBoolean());
            var scenarios = summary.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
            Assert.All(scenarios, s => Assert.Equal("completed", s.GetProperty("status").GetString()));
            Assert.False(string.IsNullOrEmpty(scenarios[2].GetProperty("files").GetProperty("write_error").GetString()));
            foreach (var other in report.Scenarios.Where(s => s.Index != victim.Index))
            {
                Assert.True(File.Exists(Path.Combine(folder.FullPath, folder.FilesOf(other.Index)!.Folder, "trades.csv")), other.Name);
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("eurusd_may06", "eurusd_may06")]
    [InlineData("s__latency_seed=2", "s__latency_seed=2")]
    [InlineData("../../etc/passwd", "_.._.._etc_passwd~7")]
    [InlineData("a b/c", "a_b_c~7")]
    [InlineData("", "_~7")]
    public void Folder_names_keep_safe_names_and_tag_changed_ones(string name, string expected)
    {
        Assert.Equal(expected, SafeFolderName.For(name, 7));
    }

    [Fact]
    public void A_long_name_is_cut_below_the_limit_and_tagged()
    {
        var folder = SafeFolderName.For(new string('x', 240) + "__period=14", 123);
        Assert.Equal(SafeFolderName.MaxLength, folder.Length);
        Assert.EndsWith("~123", folder, StringComparison.Ordinal);
    }
}
