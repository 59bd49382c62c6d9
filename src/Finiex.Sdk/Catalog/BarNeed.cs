
using Finiex.Sdk.Time;

namespace Finiex.Sdk.Catalog;

/// <summary>Bars of one timeframe a strategy reads, and how many closed bars it needs before the start (its warmup).</summary>
public sealed record BarNeed(Timeframe Timeframe, int WarmupBars);
