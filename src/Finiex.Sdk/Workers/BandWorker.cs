
using Finiex.Sdk.Time;

namespace Finiex.Sdk.Workers;

/// <summary>A worker that produces lower, middle and upper bands.</summary>
public abstract class BandWorker(string name, Timeframe timeframe) : Worker(name, timeframe)
{
    public double Lower { get; protected set; } = double.NaN;

    public double Middle { get; protected set; } = double.NaN;

    public double Upper { get; protected set; } = double.NaN;

    public override IReadOnlyList<string> OutputNames { get; } = [$"{name}.lower", $"{name}.middle", $"{name}.upper"];

    public override void WriteOutputs(Span<double> destination)
    {
        destination[0] = Lower;
        destination[1] = Middle;
        destination[2] = Upper;
    }
}
