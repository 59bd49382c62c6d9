using System.Collections.Immutable;
using Finiex.Core.Scenarios;
using Finiex.Core.Strategy;

namespace Finiex.Scenarios.Validation;

/// <summary>
/// Everything validation found in a scenario set file. <see cref="SetProblems"/> are problems of the file as a whole
/// (syntax, unknown top-level keys); each scenario's own problems are in its report.
/// </summary>
public sealed record ScenarioSetReport
{
    public required string SourceFile { get; init; }
    /// <summary>SHA-256 of the set file's bytes as they were validated (empty when it could not be read).</summary>
    public string SourceSha256 { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public ImmutableArray<ValidationProblem> SetProblems { get; init; } = [];

    /// <summary>The plug-in assemblies the set (and the command line) named that loaded: what each scenario's package names.</summary>
    public ImmutableArray<PluginIdentity> Plugins { get; init; } = [];
    public ImmutableArray<ScenarioReport> Scenarios { get; init; } = [];

    public bool IsValid => SetProblems.All(p => p.Severity != ProblemSeverity.Error) && Scenarios.Where(s => s.Enabled).All(s => s.IsValid);

    /// <summary>Set problems and scenario problems, one entry per distinct problem (a defaults typo is listed once).</summary>
    public IReadOnlyList<ValidationProblem> AllProblems()
    {
        var merged = new List<ValidationProblem>(SetProblems);
        var byKey = new Dictionary<(ProblemSeverity, string, string), int>();
        foreach (var scenario in Scenarios.Where(s => s.Enabled))
        {
            foreach (var problem in scenario.Problems)
            {
                var key = (problem.Severity, problem.Path, problem.Message);
                if (byKey.TryGetValue(key, out var index))
                {
                    merged[index] = merged[index] with { Scenarios = [.. merged[index].Scenarios, scenario.Name] };
                }
                else
                {
                    byKey[key] = merged.Count;
                    merged.Add(problem with { Scenarios = [scenario.Name] });
                }
            }
        }

        return merged;
    }

    /// <summary>The runnable scenarios as a set (invalid and disabled ones left out); null when the file itself is unusable.</summary>
    public ScenarioSet? ToRunnableSet() =>
        SetProblems.Any(p => p.Severity == ProblemSeverity.Error)
            ? null
            : new ScenarioSet
            {
                Name = Name,
                Description = Description,
                SourceFile = SourceFile,
                Scenarios = [.. Scenarios.Where(s => s.Enabled && s.IsValid).Select(s => s.Config!)],
                DisabledScenarios = [.. Scenarios.Where(s => !s.Enabled).Select(s => s.Name)],
            };
}
