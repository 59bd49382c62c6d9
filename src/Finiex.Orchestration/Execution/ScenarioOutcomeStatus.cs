namespace Finiex.Orchestration.Execution;

/// <summary>How a scenario of a batch ended; <c>pending</c> only in a summary written while the batch runs.</summary>
public enum ScenarioOutcomeStatus
{
    Completed,
    Failed,
    Invalid,
    Canceled,
    TimedOut,
    Pending,
}
