using Finiex.Core.Scenarios;

namespace Finiex.Scenarios.Validation;

/// <summary>
/// What the data checks look at: the window always, the broker when the account bound, the lot size and warmup when the
/// strategy bound. A scenario with configuration errors is still checked against the store and its broker.
/// </summary>
internal sealed record DataCheckSubject(string Symbol, long StartMs, long? EndMs, bool AllowShortWarmup, StrategyConfig? Strategy, AccountConfig? Account);
