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
        var summary = ReadSummary(full);
        var scenarios = summary.Scenarios.Select(s => ReadScenario(full, s) ?? s).ToList();
        return new RecordedRun(full, summary, scenarios);
    }

    /// <summary>summary.json alone: every scenario's statistics, without the curves, trades and logs of their own files.</summary>
    /// <exception cref="ResultsFolderException">There is none, or it cannot be read.</exception>
    public static BatchSummary ReadSummary(string folder)
    {
        var summaryPath = Path.Combine(folder, SummaryFile);
        return File.Exists(summaryPath) ? ReadJson<BatchSummary>(summaryPath)
            : throw new ResultsFolderException($"{Path.GetFullPath(folder)} is not a Finiex results folder: it has no {SummaryFile} (finiex results list shows the run folders).");
    }

    /// <summary>One scenario's own result.json (statistics, curve, trades, log); null when its files were not written.</summary>
    /// <exception cref="ResultsFolderException">It cannot be read.</exception>
    public static ScenarioSummary? ReadScenario(string folder, ScenarioSummary scenario)
    {
        var own = scenario.Files is { } files ? Path.Combine(folder, files.Folder, ScenarioFile) : null;
        return own is not null && File.Exists(own) ? ReadJson<ScenarioSummary>(own) with { Files = scenario.Files } : null;
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
