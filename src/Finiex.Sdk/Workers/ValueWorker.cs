
using Finiex.Sdk.Time;

namespace Finiex.Sdk.Workers;

/// <summary>A worker with one price-like value, such as a moving average.</summary>
public abstract class ValueWorker(string name, Timeframe timeframe) : Worker(name, timeframe)
{
    public double Value { get; protected set; } = double.NaN;

    public override IReadOnlyList<string> OutputNames { get; } = [name];

    public override void WriteOutputs(Span<double> destination) => destination[0] = Value;
}
