using Finiex.Orchestration.Execution;

namespace Finiex.Orchestration.Results;

/// <summary>Hands each outcome to several sinks in order (the results folder first: its files exist before anyone is told).</summary>
public sealed class OutcomeSinks(params IScenarioOutcomeSink[] sinks) : IScenarioOutcomeSink
{
    public void Record(ScenarioOutcome outcome)
    {
        foreach (var sink in sinks)
        {
            sink.Record(outcome);
        }
    }
}
