using Finiex.Contracts.Results;
using Finiex.Core.Scenarios;

namespace Finiex.Orchestration.Execution;

/// <summary>One scenario of a batch: its configuration (null when it could not be bound) and its result.</summary>
public sealed record ScenarioOutcome(int Index, string Name, ScenarioConfig? Config, ProcessResult Result)
{
    /// <summary>Time its slot took, package handed over to result in hand; minus the result's own total, the dispatch cost.</summary>
    public double SlotMs { get; init; }

    /// <summary>The symbol's price digits, when its package was built.</summary>
    public int? PriceDigits { get; init; }

    public ScenarioOutcomeStatus Status => Result.Success ? ScenarioOutcomeStatus.Completed : Result.Error?.Kind switch
    {
        FailureKind.ValidationError => ScenarioOutcomeStatus.Invalid,
        FailureKind.Canceled => ScenarioOutcomeStatus.Canceled,
        FailureKind.TimedOut => ScenarioOutcomeStatus.TimedOut,
        _ => ScenarioOutcomeStatus.Failed,
    };
}
