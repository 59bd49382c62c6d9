using Finiex.Sdk.Workers;
using Serilog;

namespace Finiex.Sdk.Catalog;

/// <summary>What a decision logic factory gets: its resolved parameters and the worker bound to each declared input.</summary>
public sealed record DecisionBuildContext(ParameterSet Parameters, IReadOnlyDictionary<string, Worker> Inputs)
{
    /// <summary>The scenario's log, for rare events (never per tick): lines reach the result, the log file and the live view.</summary>
    public ILogger Log { get; init; } = Serilog.Core.Logger.None;

    /// <summary>The worker bound to <paramref name="input"/>, as the interface the input expects.</summary>
    public T Input<T>(string input)
        where T : Worker =>
        Inputs.TryGetValue(input, out var worker) && worker is T typed
            ? typed
            : throw new InvalidOperationException($"Decision input '{input}' must be bound to a {typeof(T).Name}.");
}
