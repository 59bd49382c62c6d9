using Finiex.Sdk.Catalog;
using Finiex.Sdk.Time;
using Finiex.Sdk.Trading;

namespace MyStrategies;

/// <summary>
/// Buys at market when a bar closes above the highest high of the <c>lookback</c> bars before it, and sells when one closes
/// below their lowest low; one position at a time, with a stop loss and a take profit in points. Replace
/// <see cref="OnTick"/> with your own rule: it runs at every tick, so it must not allocate (no LINQ, no new objects).
/// </summary>
public sealed class RangeBreakout(Timeframe timeframe, int lookback, double lots, double stopLossPoints, double takeProfitPoints) : TradingStrategy
{
    public const string TypeName = "range_breakout";

    /// <summary>What scenario sets, <c>finiex validate</c> and <c>finiex catalog</c> know of the type.</summary>
    public static DecisionTypeInfo Info { get; } = new()
    {
        TypeName = TypeName,
        Description = "Buys a close above the last n bars' high, sells a close below their low, with SL and TP.",
        Inputs = [],
        Style = TradingStyle.TradingApi,
        Hedges = false,
        Parameters =
        [
            ParameterSpec.Choice("timeframe", "M15", "the bars whose range it trades", [.. Timeframe.All.Select(t => t.Name)]),
            ParameterSpec.Integer("lookback", 20, 2, 1_000, "bars in the range"),
            ParameterSpec.Number("lot_size", 0.1, 0, 100, "lots per position", minExclusive: true),
            ParameterSpec.Number("stop_loss_points", 200, 1, 1e6, "stop loss distance from the fill, in points"),
            ParameterSpec.Number("take_profit_points", 300, 1, 1e6, "take profit distance from the fill, in points"),
        ],
        // The range needs lookback closed bars before the first tick: Finiex prepares them as warmup bars.
        Bars = p => [new BarNeed(Timeframe.Parse(p.Choice("timeframe")), p.Integer("lookback"))],
    };

    public static StrategyRegistration Registration { get; } = new(Info, context => new RangeBreakout(
        Timeframe.Parse(context.Parameters.Choice("timeframe")),
        context.Parameters.Integer("lookback"),
        context.Parameters.Number("lot_size"),
        context.Parameters.Number("stop_loss_points"),
        context.Parameters.Number("take_profit_points")));

    public override string Name => TypeName;

    public override void OnTick(TradingContext context)
    {
        var bars = context.Bars(timeframe);
        if (!bars.ClosedThisTick || bars.Count <= lookback || context.Positions.Count > 0)
        {
            return;
        }

        // The bar that just closed against the lookback bars before it.
        var highs = bars.High[^(lookback + 1)..^1];
        var lows = bars.Low[^(lookback + 1)..^1];
        double highest = double.MinValue, lowest = double.MaxValue;
        for (var i = 0; i < highs.Length; i++)
        {
            highest = Math.Max(highest, highs[i]);
            lowest = Math.Min(lowest, lows[i]);
        }

        var close = bars.Close[^1];
        if (close > highest)
        {
            context.OpenMarket(TradeSide.Long, lots, StopLevel.Points(stopLossPoints), StopLevel.Points(takeProfitPoints));
        }
        else if (close < lowest)
        {
            context.OpenMarket(TradeSide.Short, lots, StopLevel.Points(stopLossPoints), StopLevel.Points(takeProfitPoints));
        }
    }
}
