// An example strategy trading through the trading API, compiled and run by the tests
// (tests/Finiex.Engine.Tests/Extending): docs/trading-api.md explains it.
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Time;
using Finiex.Sdk.Trading;

namespace Finiex.Examples;

/// <summary>Buys at market after an H1 close that drops more than <c>drop_points</c> below the close before, with an SL and a trailing stop.</summary>
public sealed class BuyTheDip(double lots, double dropPoints) : TradingStrategy
{
    public static DecisionTypeInfo Info { get; } = new()
    {
        TypeName = "buy_the_dip",
        Description = "Buys after an H1 close that drops by more than drop_points.",
        Inputs = [],
        Style = TradingStyle.TradingApi,
        Hedges = false,
        Parameters =
        [
            ParameterSpec.Number("lot_size", 0.1, 0, 100, "lots per order", minExclusive: true),
            ParameterSpec.Number("drop_points", 200, 1, 1e6, "the drop between two H1 closes that triggers a buy, in points"),
        ],
        Bars = _ => [new BarNeed(Timeframe.H1, 2)],
    };

    public static StrategyRegistration Registration { get; } =
        new(Info, c => new BuyTheDip(c.Parameters.Number("lot_size"), c.Parameters.Number("drop_points")));

    public override string Name => "buy_the_dip";

    public override void OnTick(TradingContext context)
    {
        var bars = context.Bars(Timeframe.H1);
        if (!bars.ClosedThisTick || bars.Count < 2 || context.Positions.Count > 0)
        {
            return;
        }

        if (bars.Close[^1] < bars.Close[^2] - (dropPoints * context.Point))
        {
            context.OpenMarket(TradeSide.Long, lots, stopLoss: StopLevel.Points(300), trailingPoints: 150);
        }
    }
}
