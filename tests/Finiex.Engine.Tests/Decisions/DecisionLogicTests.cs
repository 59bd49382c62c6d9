using Finiex.Engine.Decisions;
using Finiex.Sdk.Decisions;

namespace Finiex.Engine.Tests.Decisions;

/// <summary>SEMANTICS §5 at each threshold. The fake band spans [0, 1], so the mid passed in is the band position.</summary>
public sealed class DecisionLogicTests
{
    private static Decision Aggressive(double rsi, double position, double minConfidence = 0.4) =>
        new AggressiveTrend(new FakeOscillator(rsi), new FakeBand(), 35, 65, 0.25, 0.75, minConfidence).Decide(position);

    private static Decision Consensus(double rsi, double position, double minConfidence = 0.5) =>
        new SimpleConsensus(new FakeOscillator(rsi), new FakeBand(), 30, 70, 0.3, 0.7, minConfidence).Decide(position);

    [Theory]
    [InlineData(34.999, 0.5, Signal.Buy)]   // RSI alone
    [InlineData(35, 0.5, Signal.Flat)]      // strict <
    [InlineData(50, 0.2499, Signal.Buy)]    // band alone
    [InlineData(50, 0.25, Signal.Flat)]
    [InlineData(65.001, 0.5, Signal.Sell)]
    [InlineData(65, 0.5, Signal.Flat)]      // strict >
    [InlineData(50, 0.7501, Signal.Sell)]
    [InlineData(50, 0.75, Signal.Flat)]
    [InlineData(20, 0.9, Signal.Buy)]       // BUY is checked first
    public void Aggressive_trend_thresholds(double rsi, double position, Signal expected) =>
        Assert.Equal(expected, Aggressive(rsi, position).Signal);

    [Fact]
    public void Aggressive_trend_confidence_adds_both_parts_and_caps_at_1()
    {
        Assert.Equal(0.4 + (0.3 * (35 - 14.0) / 35), Aggressive(14, 0.5).Confidence);
        Assert.Equal(0.4 + (0.3 * (35 - 14.0) / 35) + (0.3 * (0.25 - 0.1) / 0.25), Aggressive(14, 0.1).Confidence);
        Assert.Equal(1, Aggressive(0, 0).Confidence);
        Assert.Equal(0.4 + (0.3 * (80 - 65.0) / (100 - 65)) + (0.3 * (0.9 - 0.75) / (1 - 0.75)), Aggressive(80, 0.9).Confidence);
    }

    [Fact]
    public void A_signal_below_min_confidence_is_flat()
    {
        Assert.Equal(Signal.Buy, Aggressive(34, 0.5, minConfidence: 0.4).Signal);
        Assert.Equal(Signal.Flat, Aggressive(34, 0.5, minConfidence: 0.41).Signal); // 0.4 + 0.3/35 ≈ 0.4086
    }

    [Theory]
    [InlineData(30, 0.3, Signal.Buy)]       // both ≤
    [InlineData(30.001, 0.3, Signal.Flat)]
    [InlineData(30, 0.3001, Signal.Flat)]
    [InlineData(70, 0.7, Signal.Sell)]      // both ≥
    [InlineData(69.999, 0.7, Signal.Flat)]
    [InlineData(20, 0.9, Signal.Flat)]      // disagreement
    public void Simple_consensus_thresholds(double rsi, double position, Signal expected) =>
        Assert.Equal(expected, Consensus(rsi, position).Signal);

    [Fact]
    public void Simple_consensus_confidence()
    {
        Assert.Equal(Math.Clamp(0.5 + (0.5 * (((30 - 15.0) / 30) + ((0.3 - 0.15) / 0.3)) / 2), 0.5, 1), Consensus(15, 0.15).Confidence);
        Assert.Equal(0.5, Consensus(30, 0.3).Confidence);
        Assert.Equal(1, Consensus(100, 1).Confidence);
    }

    [Fact]
    public void A_worker_that_is_not_ready_means_flat()
    {
        Assert.Equal(Signal.Flat, new AggressiveTrend(new FakeOscillator(10, ready: false), new FakeBand(), 35, 65, 0.25, 0.75, 0.4).Decide(0.1).Signal);
        Assert.Equal(Signal.Flat, new SimpleConsensus(new FakeOscillator(10), new FakeBand(ready: false), 30, 70, 0.3, 0.7, 0.5).Decide(0.1).Signal);
    }
}
