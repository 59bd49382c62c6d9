using Finiex.Contracts.Packages;
using Finiex.Engine.Loop;
using Finiex.Engine.Trading;
using Finiex.Sdk.Decisions;

namespace Finiex.Engine.Tests.Trading;

/// <summary>
/// Steps 1 and 5 as the tick loop runs them (quiet stretches marked in the simulator's own loop) against the plain
/// sequence of SEMANTICS §9, <see cref="TradeSimulator.OnTick"/> then <see cref="SignalExecutor.Act"/> at every tick,
/// on random prices and signals: every trade, counter, balance, equity and drawdown figure must be the same.
/// </summary>
public sealed class AccountStepsTests
{
    public static TheoryData<int, bool, bool, StopOutMode> Cases => new()
    {
        { 1, false, false, StopOutMode.Off },
        { 2, true, false, StopOutMode.Off },
        { 3, false, true, StopOutMode.Off },
        { 4, true, true, StopOutMode.Off },
        { 5, false, false, StopOutMode.Percent },
        { 6, true, false, StopOutMode.Money },
        { 7, false, true, StopOutMode.Percent },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_loops_account_steps_equal_marking_and_acting_at_every_tick(int seed, bool stops, bool accountInBase, StopOutMode stopOut)
    {
        var random = new Random(seed);
        const int Ticks = 30_000;
        var (times, bids, asks) = (new long[Ticks], new double[Ticks], new double[Ticks]);
        var script = new Decision[Ticks];
        var (time, mid) = (new DateTimeOffset(2014, 5, 5, 18, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), 1.3);
        var signal = Signal.Flat;
        for (var i = 0; i < Ticks; i++)
        {
            time += random.Next(20_000); // ~3.5 days: swaps on several nights, a triple one among them
            mid += (random.NextDouble() - 0.5) / 2_000;
            (times[i], bids[i], asks[i]) = (time, mid - 0.00005, mid + 0.00005);
            if (random.Next(150) == 0)
            {
                signal = (Signal)random.Next(3); // signals hold for a while, as the built-in logics' do
            }

            script[i] = signal == Signal.Flat ? Decision.Flat : new Decision(signal, 0.7);
        }

        var rules = SimulatorHarness.EurUsd(latencyMin: 1, latencyMax: 5, commission: 3.5, stopLoss: stops ? 40 : null, takeProfit: stops ? 60 : null, swap: true)
            with { AccountIsBase = accountInBase };
        // With a stop-out: a small account trading 1 lot, so that losing streaks reach the broker's level many times.
        var lots = 0.1;
        if (stopOut != StopOutMode.Off)
        {
            lots = 1;
            var margin = lots * rules.ContractSize * (accountInBase ? 1 : 1.3) / rules.Leverage; // about: the mids wander around 1.3
            const double StopAtEquity = 999_700; // 30 pips of 1 lot below the initial balance
            rules = rules with
            {
                InitialBalance = 1_000_000,
                StopOutMode = stopOut,
                StopOutLevel = stopOut == StopOutMode.Percent ? StopAtEquity * 100 / margin : StopAtEquity,
            };
        }

        var plain = new TradeSimulator(rules);
        var plainExecutor = new SignalExecutor(plain, lots, 0);
        for (var i = 0; i < Ticks; i++)
        {
            plain.OnTick(i, times[i], bids[i], asks[i]);
            plainExecutor.Act(script[i], i, (bids[i] + asks[i]) / 2);
        }

        plain.Finish();

        var looped = new TradeSimulator(rules);
        var lane = new DecisionLane(new SharedDecision(new ScriptedDecision(script)), looped, new SignalExecutor(looped, lots, 0), [], profile: null, trace: null, _ => { });
        new TickLoop([], [], [], [lane]).Run(times, bids, asks);
        Assert.Null(lane.Failure);
        looped.Finish();

        Assert.True(plain.Trades.Count > 20, $"only {plain.Trades.Count} trades");
        if (stopOut != StopOutMode.Off)
        {
            Assert.True(plain.StopOuts > 5, $"only {plain.StopOuts} stop-outs");
        }

        Assert.Equal(plain.Trades, looped.Trades);
        Assert.Equal(plain.Statistics(), looped.Statistics());
        Assert.Equal((plain.Balance, plain.Equity), (looped.Balance, looped.Equity));
    }

    /// <summary>Replays a script, one decision per tick, tick by tick (so the loop's workers-and-decision step is trivial).</summary>
    private sealed class ScriptedDecision(Decision[] script) : DecisionLogic
    {
        private int _next;

        public override string Name => "scripted";

        public override Decision Decide(double mid) => script[_next++];
    }
}
