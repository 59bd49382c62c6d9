using Finiex.Engine.Workers;
using Finiex.Sdk.Catalog;

namespace Finiex.Engine.Catalog;

/// <summary>The built-in workers of SEMANTICS §4 and their warmup defaults of §3.</summary>
public static class BuiltInWorkerTypes
{
    private static readonly ParameterSpec Period = ParameterSpec.Integer("period", 14, 1, 10_000, "number of bars");

    public static WorkerTypeInfo RsiInfo { get; } = new()
    {
        TypeName = "rsi",
        Description = "Relative strength index of bar closes (wilder or simple smoothing).",
        Output = WorkerOutput.Oscillator,
        Parameters =
        [
            Period,
            ParameterSpec.Choice("smoothing", "wilder", "averaging of gains and losses", "wilder", "simple"),
        ],
        DefaultWarmupBars = p => p.Choice("smoothing") == "wilder" ? 3 * p.Integer("period") : p.Integer("period"),
        ClosesToBeReady = p => p.Integer("period") + 1,
    };

    public static WorkerTypeInfo SmaInfo { get; } = new()
    {
        TypeName = "sma",
        Description = "Simple moving average of bar closes.",
        Output = WorkerOutput.Value,
        Parameters = [Period with { DefaultNumber = 20 }],
        DefaultWarmupBars = p => p.Integer("period"),
        ClosesToBeReady = p => p.Integer("period"),
    };

    public static WorkerTypeInfo EnvelopeInfo { get; } = new()
    {
        TypeName = "envelope",
        Description = "SMA with upper and lower bands a fixed percentage away.",
        Output = WorkerOutput.Band,
        Parameters =
        [
            Period with { DefaultNumber = 20 },
            ParameterSpec.Number("deviation_pct", 0.1, 0, 100, "band distance from the middle, in percent", minExclusive: true),
        ],
        DefaultWarmupBars = p => p.Integer("period"),
        ClosesToBeReady = p => p.Integer("period"),
    };

    public static WorkerTypeInfo BollingerInfo { get; } = new()
    {
        TypeName = "bollinger",
        Description = "Mean of bar closes with bands k population standard deviations away.",
        Output = WorkerOutput.Band,
        Parameters =
        [
            Period with { DefaultNumber = 20 },
            ParameterSpec.Number("k", 2, 0, 100, "band width in standard deviations", minExclusive: true),
        ],
        DefaultWarmupBars = p => p.Integer("period"),
        ClosesToBeReady = p => p.Integer("period"),
    };

    public static IReadOnlyList<WorkerRegistration> All { get; } =
    [
        new(RsiInfo, c => new RsiWorker(c.Name, c.Timeframe, c.Parameters.Integer("period"), c.Parameters.Choice("smoothing") == "wilder")),
        new(SmaInfo, c => new SmaWorker(c.Name, c.Timeframe, c.Parameters.Integer("period"))),
        new(EnvelopeInfo, c => new EnvelopeWorker(c.Name, c.Timeframe, c.Parameters.Integer("period"), c.Parameters.Number("deviation_pct"))),
        new(BollingerInfo, c => new BollingerWorker(c.Name, c.Timeframe, c.Parameters.Integer("period"), c.Parameters.Number("k"))),
    ];
}
