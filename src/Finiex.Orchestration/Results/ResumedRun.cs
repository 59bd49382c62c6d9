using Finiex.Orchestration.Execution;
using Finiex.Scenarios.Validation;

namespace Finiex.Orchestration.Results;

/// <summary>
/// What <c>finiex run --resume FOLDER</c> goes on from: the interrupted run as its folder records it, and the scenarios it
/// completed, kept as they are. Everything else (pending after a kill, failed, canceled, timed out) runs again.
/// </summary>
public sealed record ResumedRun(RecordedRun Run, RunConfig Config, IReadOnlyList<ScenarioOutcome> Kept)
{
    /// <exception cref="ResultsFolderException">
    /// The folder is not a resumable run, or the set changed since it started (the message says what to do).
    /// </exception>
    public static ResumedRun From(string folder, ScenarioSetReport report)
    {
        var run = RecordedRun.Read(folder);
        var config = RunConfig.Read(run.Folder);
        if (config.SetSha256 != report.SourceSha256)
        {
            throw new ResultsFolderException(
                $"The set {report.SourceFile} changed since the run in {run.Folder} started (its SHA-256 differs): resuming would mix the results of two sets. Run it anew: finiex run {report.SourceFile}");
        }

        var scenarios = report.Scenarios.ToDictionary(s => s.Index);
        var kept = run.Scenarios
            .Where(s => s.Status == ScenarioOutcomeStatus.Completed && s.Statistics is not null
                        && scenarios.TryGetValue(s.Index, out var now) && now.Name == s.Name && now.IsValid)
            .Select(s => new ScenarioOutcome(s.Index, s.Name, scenarios[s.Index].Config, s.ToResult()) { SlotMs = s.SlotMs, PriceDigits = s.PriceDigits })
            .ToList();
        return new ResumedRun(run, config, kept);
    }
}
