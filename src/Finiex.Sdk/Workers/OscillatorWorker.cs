
using Finiex.Sdk.Time;

namespace Finiex.Sdk.Workers;

/// <summary>A worker whose value is an oscillator in [0, 100], such as RSI.</summary>
public abstract class OscillatorWorker(string name, Timeframe timeframe) : Worker(name, timeframe)
{
    public double Value { get; protected set; } = double.NaN;

    public override IReadOnlyList<string> OutputNames { get; } = [name];

    public override void WriteOutputs(Span<double> destination) => destination[0] = Value;
}
