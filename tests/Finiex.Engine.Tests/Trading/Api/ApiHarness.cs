using Finiex.Engine.Trading;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Tests.Trading.Api;

/// <summary>Drives a <see cref="TradingApiSimulator"/> tick by tick: step 1 at <see cref="At"/>, then whatever requests the test submits (step 5).</summary>
internal sealed class ApiHarness
{
    public const double Point = 0.00001;

    public ApiHarness(TradingRules? rules = null) => Simulator = new TradingApiSimulator(rules ?? Rules());

    public TradingApiSimulator Simulator { get; }

    public int Index { get; private set; } = -1;

    /// <summary>EURUSD in a USD account: 100,000 per lot, point 0.00001, leverage 500, volume grid 0.01..100 by 0.01, latency 1.</summary>
    public static TradingRules Rules(double balance = 10_000, int latencyMin = 1, int latencyMax = 1, double commission = 0, bool swap = false, int stopsLevel = 0) =>
        SimulatorHarness.EurUsd(balance, latencyMin, latencyMax, commission, swap: swap) with
        {
            Limits = new RequestLimits(VolumeMin: 0.01, VolumeMax: 100, VolumeStep: 0.01, Point: Point, StopsLevel: stopsLevel),
        };

    /// <summary>Step 1 of the next tick.</summary>
    public ApiHarness At(long time, double bid, double ask)
    {
        Index++;
        Simulator.OnTick(Index, time, bid, ask);
        return this;
    }

    public OpenPosition Position(int i = 0) => Simulator.Positions[i];

    public Finiex.Contracts.Results.TradeRecord Trade(int i) => Simulator.Trades[i];

    public Finiex.Contracts.Results.ScenarioStatistics Finish()
    {
        Simulator.Finish();
        return Simulator.Statistics();
    }
}
