using Finiex.Core.Time;
using Finiex.Engine.Workers;

namespace Finiex.Engine.Tests.Decisions;

internal sealed class FakeOscillator(double value, bool ready = true) : IOscillatorWorker
{
    public string Name => "rsi";
    public Timeframe Timeframe => Timeframe.M1;
    public bool IsReady => ready;
    public IReadOnlyList<string> OutputNames => ["rsi"];
    public double Value => value;
    public void CommitClose(double close) { }
    public void Update(double formingClose) { }
    public void WriteOutputs(Span<double> destination) => destination[0] = value;
}

/// <summary>A band from 0 to 1, so the band position equals the mid.</summary>
internal sealed class FakeBand(bool ready = true) : IBandWorker
{
    public string Name => "band";
    public Timeframe Timeframe => Timeframe.M1;
    public bool IsReady => ready;
    public IReadOnlyList<string> OutputNames => ["lower", "middle", "upper"];
    public double Lower => 0;
    public double Middle => 0.5;
    public double Upper => 1;
    public void CommitClose(double close) { }
    public void Update(double formingClose) { }
    public void WriteOutputs(Span<double> destination) { }
}
