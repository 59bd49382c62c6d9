using Finiex.Core.Scenarios;

namespace Finiex.Scenarios.Validation;

/// <summary>The validation outcome of one expanded scenario; <see cref="Config"/> is null when it cannot run.</summary>
public sealed record ScenarioReport(string Name, int Index, string JsonPath, bool Enabled, ScenarioConfig? Config, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Config is not null && Problems.All(p => p.Severity != ProblemSeverity.Error);
}
