using System.Text.Json;

namespace Finiex.Orchestration.Results;

/// <summary>
/// A run as its results folder records it: summary.json, and for each scenario whose files were written its own
/// result.json (statistics, curve, trades, log); scenarios without one (pending, or files that could not be written)
/// come from the summary. What <c>finiex report</c> and <c>finiex run --resume</c> read.
/// </summary>
public sealed record RecordedRun(string Folder, BatchSummary Summary, IReadOnlyList<ScenarioSummary> Scenarios)
{
    public const string SummaryFile = "summary.json";
    public const string ScenarioFile = "result.json";

    /// <exception cref="ResultsFolderException">The folder is not a readable results folder; the message says why.</exception>
    public static RecordedRun Read(string folder)
    {
        var full = Path.GetFullPath(folder);
        var summaryPath = Path.Combine(full, SummaryFile);
        if (!File.Exists(summaryPath))
        {
            throw new ResultsFolderException($"{full} is not a Finiex results folder: it has no {SummaryFile} (finiex results list shows the run folders).");
        }

        var summary = ReadJson<BatchSummary>(summaryPath);
        var scenarios = summary.Scenarios.Select(s =>
        {
            var own = s.Files is { } files ? Path.Combine(full, files.Folder, ScenarioFile) : null;
            return own is not null && File.Exists(own) ? ReadJson<ScenarioSummary>(own) with { Files = s.Files } : s;
        }).ToList();
        return new RecordedRun(full, summary, scenarios);
    }

    private static T ReadJson<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), ResultsJson.Options)
                   ?? throw new ResultsFolderException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new ResultsFolderException($"{path} is not a readable Finiex result file ({ex.Message}); it may be from another Finiex version or damaged.", ex);
        }
    }
}
