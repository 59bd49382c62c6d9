using Finiex.Contracts.Results;
using Finiex.Core.Scenarios;

namespace Finiex.Orchestration.Execution;

/// <summary>One scenario of a batch: its configuration (null when it could not be bound) and its result.</summary>
public sealed record ScenarioOutcome(int Index, string Name, ScenarioConfig? Config, ProcessResult Result)
{
    /// <summary>Time its slot took, package handed over to result in hand; minus the result's own total, the dispatch cost.</summary>
    public double SlotMs { get; init; }

    public string Status => Result.Success ? "completed" : Result.Error?.Type switch
    {
        "ValidationError" => "invalid",
        "Canceled" => "canceled",
        _ => "failed",
    };
}
