using Finiex.Core.Time;

namespace Finiex.Core.Strategy;

/// <summary>Bars of one timeframe a strategy reads, and how many closed bars it needs before the start (its warmup).</summary>
public sealed record BarNeed(Timeframe Timeframe, int WarmupBars);
