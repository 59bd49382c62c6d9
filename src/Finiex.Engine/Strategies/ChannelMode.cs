namespace Finiex.Engine.Strategies;

/// <summary>What <see cref="ChannelBreakout"/> does at the channel's edges.</summary>
public enum ChannelMode
{
    /// <summary>Buy stop above the high, sell stop below the low: follow a break.</summary>
    Breakout,

    /// <summary>Sell limit above the high, buy limit below the low: bet on a return into the channel.</summary>
    Fade,
}
