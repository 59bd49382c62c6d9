using Finiex.Engine.Trading;
using Finiex.Sdk.Trading;
using static Finiex.Engine.Tests.Trading.SimulatorHarness;

namespace Finiex.Engine.Tests.Trading;

/// <summary>
/// Two rules made precise in SEMANTICS §7–§9 without changing the engine: the swap is charged first thing at step 1, and
/// final_equity is the equity before the end-of-data close.
/// </summary>
public sealed class ClarifiedRulesTests
{
    private static readonly long TuesdayMidnight = new DateTimeOffset(2014, 5, 6, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly double OneNight = -7.85 * 0.00001 * 100_000 * 0.1;

    [Fact]
    public void A_position_a_stop_loss_closes_on_the_first_tick_after_midnight_pays_that_nights_swap()
    {
        var h = new SimulatorHarness(EurUsd(swap: true, stopLoss: 100));
        h.At(TuesdayMidnight - 2_000, 1.3, 1.3);
        h.Open(TradeSide.Long);
        h.At(TuesdayMidnight - 1_000, 1.3, 1.3); // filled before midnight, SL at 1.2990
        h.At(TuesdayMidnight + 1_000, 1.2980, 1.2981); // first tick after midnight: swap first, then the stop

        var trade = Assert.Single(h.Simulator.Trades);
        Assert.Equal(CloseReason.StopLoss, trade.CloseReason);
        Assert.Equal(OneNight, trade.Swap, 12);
    }

    [Fact]
    public void A_position_filled_on_the_first_tick_after_midnight_pays_nothing_for_it()
    {
        var h = new SimulatorHarness(EurUsd(swap: true));
        h.At(TuesdayMidnight - 1_000, 1.3, 1.3);
        h.Open(TradeSide.Long); // sent before midnight, filled at the first tick after it
        h.At(TuesdayMidnight + 1_000, 1.3, 1.3);
        h.At(TuesdayMidnight + 2_000, 1.3, 1.3);
        h.Simulator.Finish();

        Assert.Equal(0, Assert.Single(h.Simulator.Trades).Swap);
    }

    [Fact]
    public void Final_equity_is_marked_before_the_end_of_data_close_and_differs_from_the_balance_by_its_costs()
    {
        var h = new SimulatorHarness(EurUsd(commission: 3.5));
        h.At(1_000, 1.3, 1.3002);
        h.Open(TradeSide.Long);
        h.At(2_000, 1.3010, 1.3012);
        h.At(3_000, 1.3020, 1.3022);
        h.Simulator.Finish();

        var stats = h.Simulator.Statistics();
        var open = 1.3012;
        var equityAtLastTick = 10_000 - (0.1 * 3.5) + ((1.3020 - open) * 100_000 * 0.1);
        Assert.Equal(equityAtLastTick, stats.FinalEquity, 9);
        Assert.Equal(equityAtLastTick - (0.1 * 3.5), stats.FinalBalance, 9); // the closing side's commission
        Assert.Equal(CloseReason.EndOfData, Assert.Single(h.Simulator.Trades).CloseReason);
    }
}
