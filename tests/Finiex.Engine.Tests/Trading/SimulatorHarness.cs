using Finiex.Engine.Trading;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Tests.Trading;

/// <summary>Drives a <see cref="TradeSimulator"/> tick by tick, as steps 1 and 5 of the loop do.</summary>
internal sealed class SimulatorHarness(TradingRules rules)
{
    public const long Day = 86_400_000;

    public TradeSimulator Simulator { get; } = new(rules);

    public int Index { get; private set; } = -1;

    public static TradingRules EurUsd(double balance = 10_000, int latencyMin = 1, int latencyMax = 1, double commission = 0,
        double? stopLoss = null, double? takeProfit = null, bool swap = false) => new()
    {
        InitialBalance = balance,
        ContractSize = 100_000,
        Point = 0.00001,
        Leverage = 500,
        CommissionPerLot = commission,
        LatencyMin = latencyMin,
        LatencyMax = latencyMax,
        LatencySeed = 42,
        ApplySwap = swap,
        SwapLong = -7.85,
        SwapShort = 3.8,
        SwapRollover3Days = 3,
        StopLossPoints = stopLoss,
        TakeProfitPoints = takeProfit,
        AccountIsBase = false,
    };

    /// <summary>Step 1 for the next tick.</summary>
    public SimulatorHarness Tick(long time, double bid, double ask)
    {
        Index++;
        Simulator.OnTick(Index, time, bid, ask);
        return this;
    }

    public bool Open(TradeSide side, double lots = 0.1) => Simulator.SubmitOpen(side, lots, 0, Index, (Last.Bid + Last.Ask) / 2);

    public (double Bid, double Ask) Last { get; private set; }

    public SimulatorHarness At(long time, double bid, double ask)
    {
        Last = (bid, ask);
        return Tick(time, bid, ask);
    }
}
