using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;

namespace Finiex.Orchestration.Execution;

/// <summary>Runs each scenario on the calling thread, one after another, each with a fresh object graph.</summary>
public sealed class SequentialExecutor(StrategyCatalog catalog, IProgressSink? progress = null) : IScenarioExecutor
{
    public string Mode => "sequential";

    public ProcessResult Execute(ProcessDataPackage package, CancellationToken cancellationToken) =>
        new ScenarioRunner(catalog, StoreTickData.Open, progress).Run(package, cancellationToken);
}
