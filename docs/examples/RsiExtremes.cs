// An example decision logic that decides whole blocks, compiled and run by the tests (tests/Finiex.Engine.Tests/Extending):
// docs/extending.md explains it.
using System.Runtime.CompilerServices;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Decisions;
using Finiex.Sdk.Workers;

namespace Finiex.Examples;

/// <summary>BUY while the RSI input is below <c>buy_below</c>, SELL while it is above <c>sell_above</c>, else FLAT.</summary>
public sealed class RsiExtremes(OscillatorWorker rsi, double buyBelow, double sellAbove, bool decideBlocks = true) : DecisionLogic
{
    public static DecisionTypeInfo Info { get; } = new()
    {
        TypeName = "rsi_extremes",
        Description = "BUY below buy_below, SELL above sell_above, from one RSI.",
        Inputs = [new DecisionInput("rsi", WorkerOutput.Oscillator, "the RSI worker")],
        Parameters =
        [
            ParameterSpec.Number("buy_below", 30, 0, 100, "BUY while the RSI is below"),
            ParameterSpec.Number("sell_above", 70, 0, 100, "SELL while the RSI is above"),
            .. TradingParameters,
        ],
    };

    public static DecisionRegistration Registration { get; } = new(Info, c =>
        new RsiExtremes(c.Input<OscillatorWorker>("rsi"), c.Parameters.Number("buy_below"), c.Parameters.Number("sell_above")));

    public override string Name => "rsi_extremes";

    /// <summary>Tick by tick: the loop has just updated the worker, whose current value is read.</summary>
    public override Decision Decide(double mid) => rsi.IsReady ? Rule(rsi.Value) : Decision.Flat;

    /// <summary>With true, the loop computes the RSI over a whole block first and calls <see cref="DecideBlock"/> once.</summary>
    public override bool DecidesBlocks => decideBlocks;

    public override void DecideBlock(ReadOnlySpan<double> mids, Span<Decision> decisions)
    {
        var values = rsi.Block!;
        var ready = Math.Min(mids.Length, values.ReadyFrom);
        decisions[..ready].Fill(Decision.Flat);
        var column = values.Values(0, mids.Length);
        for (var i = ready; i < mids.Length; i++)
        {
            decisions[i] = Rule(column[i]);
        }
    }

    /// <summary>The one rule both paths call, so they cannot disagree.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Decision Rule(double value) =>
        value < buyBelow ? new Decision(Signal.Buy, 1) : value > sellAbove ? new Decision(Signal.Sell, 1) : Decision.Flat;
}
