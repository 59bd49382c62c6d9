
using Finiex.Sdk.Trading;

namespace Finiex.Sdk.Catalog;

/// <summary>A strategy type that trades through the trading API: its description (inputs, parameters, bars, hedging) and how to build one.</summary>
public sealed record StrategyRegistration(DecisionTypeInfo Info, Func<DecisionBuildContext, TradingStrategy> Create);
