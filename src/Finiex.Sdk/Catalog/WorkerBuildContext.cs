using Finiex.Sdk.Time;
using Serilog;

namespace Finiex.Sdk.Catalog;

/// <summary>What a worker factory gets: the worker's name, timeframe and resolved parameters (defaults filled in).</summary>
public sealed record WorkerBuildContext(string Name, Timeframe Timeframe, ParameterSet Parameters)
{
    /// <summary>The scenario's log, for rare events (never per tick): lines reach the result, the log file and the live view.</summary>
    public ILogger Log { get; init; } = Serilog.Core.Logger.None;
}
