using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;

namespace Finiex.Orchestration.Execution;

/// <summary>Runs packages somewhere (this thread, threads, runner processes) and hands back their results.</summary>
public interface IScenarioExecutor
{
    string Mode { get; }

    ProcessResult Execute(ProcessDataPackage package, CancellationToken cancellationToken);
}
