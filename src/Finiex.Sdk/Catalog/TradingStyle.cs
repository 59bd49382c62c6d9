namespace Finiex.Sdk.Catalog;

/// <summary>How a decision type trades (SEMANTICS §5, §10).</summary>
public enum TradingStyle
{
    /// <summary>A decision logic: a signal per tick, acted on by the rules of §5–6 (one position, market orders).</summary>
    Signals,

    /// <summary>A strategy that places its own requests through the trading API of §10.</summary>
    TradingApi,
}
