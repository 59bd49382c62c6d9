// An example worker type, compiled by the tests (tests/Finiex.Engine.Tests/Extending): docs/extending.md explains it.
using Finiex.Core.Strategy;
using Finiex.Core.Time;
using Finiex.Engine.Catalog;
using Finiex.Engine.Workers;

namespace Finiex.Examples;

/// <summary>Momentum: the forming close minus the close n bars back. Ready with n + 1 closes.</summary>
public sealed class MomentumWorker : IValueWorker
{
    private readonly double[] _ring;
    private long _committed;

    public MomentumWorker(string name, Timeframe timeframe, int period)
    {
        Name = name;
        Timeframe = timeframe;
        _ring = new double[period];
        OutputNames = [name];
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
        context => new MomentumWorker(context.Name, context.Timeframe, context.Parameters.Integer("period")));

    public string Name { get; }

    public Timeframe Timeframe { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public bool IsReady { get; private set; }

    public double Value { get; private set; } = double.NaN;

    public void CommitClose(double close)
    {
        _ring[_committed % _ring.Length] = close; // O(1), no allocation
        _committed++;
    }

    public void Update(double formingClose)
    {
        IsReady = _committed >= _ring.Length;
        // The close n bars back from the forming bar is the oldest of the last n committed closes.
        Value = IsReady ? formingClose - _ring[_committed % _ring.Length] : double.NaN;
    }

    public void WriteOutputs(Span<double> destination) => destination[0] = Value;
}
