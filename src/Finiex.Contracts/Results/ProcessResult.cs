using Finiex.Contracts.Packages;
using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>What running one scenario produced: statistics, trades, equity curve, profile and log, or the error that stopped it.</summary>
[MessagePackObject]
public sealed record ProcessResult
{
    [Key(0)] public required bool Success { get; init; }
    [Key(1)] public required int ScenarioIndex { get; init; }
    [Key(2)] public required string ScenarioName { get; init; }
    [Key(3)] public required string Symbol { get; init; }
    [Key(4)] public required RunTimings Timings { get; init; }
    [Key(5)] public ScenarioStatistics? Statistics { get; init; }
    [Key(6)] public IReadOnlyList<TradeRecord> Trades { get; init; } = [];
    [Key(7)] public ProfileReport? Profile { get; init; }
    [Key(8)] public IReadOnlyList<LogLine> Log { get; init; } = [];
    [Key(9)] public ErrorInfo? Error { get; init; }
    [Key(10)] public IReadOnlyList<BarTrace> BarTraces { get; init; } = [];
    [Key(11)] public ReportStatistics? ReportStatistics { get; init; }
    [Key(12)] public EquityCurve? EquityCurve { get; init; }
    /// <summary>The plug-in assemblies the scenario ran with (as loaded and hash-checked).</summary>
    [Key(13)] public IReadOnlyList<PluginReference> Plugins { get; init; } = [];

    /// <summary>A scenario that produced nothing but an error (invalid, canceled, runner lost...).</summary>
    public static ProcessResult Failed(int scenarioIndex, string scenarioName, string symbol, FailureKind kind, string message) => new()
    {
        Success = false,
        ScenarioIndex = scenarioIndex,
        ScenarioName = scenarioName,
        Symbol = symbol,
        Timings = new RunTimings(),
        Error = new ErrorInfo(kind, message),
    };
}
