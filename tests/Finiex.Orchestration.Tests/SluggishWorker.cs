using Finiex.Engine.Catalog;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Time;
using Finiex.Sdk.Workers;

namespace Finiex.Orchestration.Tests;

/// <summary>A worker that takes 20 ms per run of ticks: a slow but live tick loop, for the in-process timeout tests.</summary>
internal sealed class SluggishWorker(string name, Timeframe timeframe) : ValueWorker(name, timeframe)
{
    public static WorkerRegistration Registration { get; } = new(
        new WorkerTypeInfo
        {
            TypeName = "sluggish",
            Description = "Sleeps 20 ms per run of ticks.",
            Output = WorkerOutput.Value,
            Parameters = [],
            DefaultWarmupBars = _ => 0,
        },
        context => new SluggishWorker(context.Name, context.Timeframe));

    public static StrategyCatalog Catalog() => StrategyCatalog.CreateDefault().Add(Registration);

    public override void CommitClose(double close) => IsReady = true;

    public override void Update(double formingClose) => Value = formingClose;

    public override void UpdateRange(ReadOnlySpan<double> formingCloses, WorkerOutputs outputs)
    {
        Thread.Sleep(20);
        base.UpdateRange(formingCloses, outputs);
    }
}
