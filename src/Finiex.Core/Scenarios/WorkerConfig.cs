using Finiex.Sdk.Catalog;
using Finiex.Sdk.Time;

namespace Finiex.Core.Scenarios;

/// <summary>One named worker instance of a strategy, fully resolved.</summary>
public sealed record WorkerConfig(string Name, string Type, Timeframe Timeframe, ParameterSet Parameters, int WarmupBars);
