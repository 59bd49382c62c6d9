using Finiex.Engine.Decisions;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Decisions;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Catalog;

/// <summary>The built-in decision logics of SEMANTICS §5.</summary>
public static class BuiltInDecisionTypes
{
    private static readonly DecisionInput RsiInput = new("rsi", WorkerOutput.Oscillator, "the RSI worker");
    private static readonly DecisionInput BandInput = new("band", WorkerOutput.Band, "the band worker (envelope or bollinger)");

    public static DecisionTypeInfo AggressiveTrendInfo { get; } = new()
    {
        TypeName = "aggressive_trend",
        Description = "OR logic: an RSI or a band extreme alone gives a signal.",
        Inputs = [RsiInput, BandInput],
        Parameters =
        [
            ParameterSpec.Number("rsi_buy", 35, 0, 100, "BUY when RSI is below", minExclusive: true),
            ParameterSpec.Number("rsi_sell", 65, 0, 100, "SELL when RSI is above"),
            ParameterSpec.Number("band_low", 0.25, 0, 1, "BUY when band position is below", minExclusive: true),
            ParameterSpec.Number("band_high", 0.75, 0, 1, "SELL when band position is above"),
            ParameterSpec.Number("min_confidence", 0.4, 0, 1, "signals below this confidence become FLAT"),
            .. DecisionLogic.TradingParameters,
        ],
    };

    public static DecisionTypeInfo SimpleConsensusInfo { get; } = new()
    {
        TypeName = "simple_consensus",
        Description = "AND logic: RSI and band position must agree.",
        Inputs = [RsiInput, BandInput],
        Parameters =
        [
            ParameterSpec.Number("rsi_low", 30, 0, 100, "BUY needs RSI at or below", minExclusive: true),
            ParameterSpec.Number("rsi_high", 70, 0, 100, "SELL needs RSI at or above"),
            ParameterSpec.Number("band_low", 0.3, 0, 1, "BUY needs band position at or below", minExclusive: true),
            ParameterSpec.Number("band_high", 0.7, 0, 1, "SELL needs band position at or above"),
            ParameterSpec.Number("min_confidence", 0.5, 0, 1, "signals below this confidence become FLAT"),
            .. DecisionLogic.TradingParameters,
        ],
    };

    public static IReadOnlyList<DecisionRegistration> All { get; } =
    [
        new(AggressiveTrendInfo, c => new AggressiveTrend(
            c.Input<OscillatorWorker>("rsi"), c.Input<BandWorker>("band"),
            c.Parameters.Number("rsi_buy"), c.Parameters.Number("rsi_sell"),
            c.Parameters.Number("band_low"), c.Parameters.Number("band_high"), c.Parameters.Number("min_confidence"))),
        new(SimpleConsensusInfo, c => new SimpleConsensus(
            c.Input<OscillatorWorker>("rsi"), c.Input<BandWorker>("band"),
            c.Parameters.Number("rsi_low"), c.Parameters.Number("rsi_high"),
            c.Parameters.Number("band_low"), c.Parameters.Number("band_high"), c.Parameters.Number("min_confidence"))),
    ];
}
