using Finiex.Core.Scenarios;

namespace Finiex.Scenarios.Validation;

/// <summary>
/// The validation outcome of one expanded scenario; <see cref="Config"/> is null when it cannot run. <see cref="Ticks"/>
/// is how many ticks it will run through (its window in the store, capped by max_ticks), null when that is not known.
/// </summary>
public sealed record ScenarioReport(string Name, int Index, string JsonPath, bool Enabled, ScenarioConfig? Config, IReadOnlyList<ValidationProblem> Problems, long? Ticks = null)
{
    public bool IsValid => Config is not null && Problems.All(p => p.Severity != ProblemSeverity.Error);
}
