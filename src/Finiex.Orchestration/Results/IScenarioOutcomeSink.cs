using Finiex.Orchestration.Execution;

namespace Finiex.Orchestration.Results;

/// <summary>Receives each scenario's outcome the moment it exists (from any slot's thread), before the batch ends.</summary>
public interface IScenarioOutcomeSink
{
    void Record(ScenarioOutcome outcome);
}
