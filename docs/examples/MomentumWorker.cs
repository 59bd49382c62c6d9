// An example worker type, compiled by the tests (tests/Finiex.Engine.Tests/Extending): docs/extending.md explains it.
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Time;
using Finiex.Sdk.Workers;

namespace Finiex.Examples;

/// <summary>Momentum: the forming close minus the close n bars back. Ready with n + 1 closes.</summary>
public sealed class MomentumWorker : ValueWorker
{
    private readonly double[] _ring;
    private long _committed;

    public MomentumWorker(string name, Timeframe timeframe, int period)
        : base(name, timeframe)
    {
        _ring = new double[period];
    }

    public static WorkerRegistration Registration { get; } = new(
        new WorkerTypeInfo
        {
            TypeName = "momentum",
            Description = "Forming close minus the close n bars back.",
            Output = WorkerOutput.Value,
            Parameters = [ParameterSpec.Integer("period", 10, 1, 10_000, "bars back")],
            DefaultWarmupBars = p => p.Integer("period"),
        },
        context =>
        {
            // Strategy code logs through the scenario's Serilog logger: at build time or on rare events, never per tick.
            context.Log.Information("Momentum over {Period} bars", context.Parameters.Integer("period"));
            return new MomentumWorker(context.Name, context.Timeframe, context.Parameters.Integer("period"));
        });

    public override void CommitClose(double close)
    {
        _ring[_committed % _ring.Length] = close; // O(1), no allocation
        _committed++;
    }

    public override void Update(double formingClose)
    {
        IsReady = _committed >= _ring.Length;
        // The close n bars back from the forming bar is the oldest of the last n committed closes.
        Value = IsReady ? formingClose - _ring[_committed % _ring.Length] : double.NaN;
    }
}
