using Finiex.Core.Strategy;
using Finiex.Core.Time;

namespace Finiex.Engine.Catalog;

/// <summary>What a worker factory gets: the worker's name, timeframe and resolved parameters (defaults filled in).</summary>
public sealed record WorkerBuildContext(string Name, Timeframe Timeframe, ParameterSet Parameters);
