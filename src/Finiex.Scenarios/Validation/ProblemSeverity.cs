namespace Finiex.Scenarios.Validation;

public enum ProblemSeverity
{
    /// <summary>The scenario (or the whole set) cannot run.</summary>
    Error,
    /// <summary>Worth knowing; the scenario still runs.</summary>
    Warning,
}
