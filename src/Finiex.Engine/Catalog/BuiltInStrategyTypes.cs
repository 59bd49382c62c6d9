using Finiex.Engine.Strategies;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Time;

namespace Finiex.Engine.Catalog;

/// <summary>The built-in strategies that trade through the trading API (SEMANTICS §10).</summary>
public static class BuiltInStrategyTypes
{
    public static DecisionTypeInfo ChannelBreakoutInfo { get; } = new()
    {
        TypeName = "channel_breakout",
        Description = "Pending orders at the edges of the last n bars' channel: stops to follow a break, or limits to fade it; one cancels the other.",
        Inputs = [],
        Style = TradingStyle.TradingApi,
        Hedges = true,
        Parameters =
        [
            ParameterSpec.Choice("timeframe", "M15", "the bars whose channel it trades", [.. Timeframe.All.Select(t => t.Name)]),
            ParameterSpec.Integer("lookback", 20, 1, 100_000, "n: closed bars in the channel (also its warmup)"),
            ParameterSpec.Choice("mode", "breakout", "breakout: stop orders outside the channel; fade: limit orders", "breakout", "fade"),
            ParameterSpec.Number("lot_size", 0.1, 0, 1_000_000, "lots of each pending order", minExclusive: true),
            ParameterSpec.Number("offset_points", 0, 0, 1e9, "points beyond the channel's high and low"),
            ParameterSpec.Number("stop_loss_points", 0, 0, 1e9, "SL distance from the fill, in points (0 = none)"),
            ParameterSpec.Number("take_profit_points", 0, 0, 1e9, "TP distance from the fill, in points (0 = none)"),
            ParameterSpec.Number("trailing_points", 0, 0, 1e9, "trailing stop distance, in points (0 = none)"),
            ParameterSpec.Integer("expiry_bars", 1, 1, 100_000, "bars of its timeframe after which unfilled orders expire"),
        ],
        Bars = p => [new BarNeed(Timeframe.Parse(p.Choice("timeframe")), p.Integer("lookback"))],
    };

    public static IReadOnlyList<StrategyRegistration> All { get; } =
    [
        new(ChannelBreakoutInfo, c => new ChannelBreakout(new ChannelSettings(
            Timeframe.Parse(c.Parameters.Choice("timeframe")),
            c.Parameters.Integer("lookback"),
            c.Parameters.Choice("mode") == "fade" ? ChannelMode.Fade : ChannelMode.Breakout,
            c.Parameters.Number("lot_size"),
            c.Parameters.Number("offset_points"),
            c.Parameters.Number("stop_loss_points"),
            c.Parameters.Number("take_profit_points"),
            c.Parameters.Number("trailing_points"),
            c.Parameters.Integer("expiry_bars")))),
    ];
}
