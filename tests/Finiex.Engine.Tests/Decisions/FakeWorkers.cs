using Finiex.Sdk.Time;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Tests.Decisions;

internal sealed class FakeOscillator : OscillatorWorker
{
    public FakeOscillator(double value, bool ready = true)
        : base("rsi", Timeframe.M1)
    {
        Value = value;
        IsReady = ready;
    }

    public override void CommitClose(double close) { }
    public override void Update(double formingClose) { }
}

/// <summary>A band from 0 to 1, so the band position equals the mid.</summary>
internal sealed class FakeBand : BandWorker
{
    public FakeBand(bool ready = true)
        : base("band", Timeframe.M1)
    {
        (Lower, Middle, Upper) = (0, 0.5, 1);
        IsReady = ready;
    }

    public override void CommitClose(double close) { }
    public override void Update(double formingClose) { }
}
