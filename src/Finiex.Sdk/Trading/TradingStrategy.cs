namespace Finiex.Sdk.Trading;

/// <summary>
/// A strategy that trades itself through the trading API (SEMANTICS §10). <see cref="OnTick"/> is steps 4 and 5 of every
/// tick: it reads what the context shows (the tick, its workers, its bars, the account, its positions and pending orders,
/// all as of the end of step 3) and submits requests through it. Must not allocate per tick.
/// </summary>
public abstract class TradingStrategy
{
    public abstract string Name { get; }

    public abstract void OnTick(TradingContext context);
}
