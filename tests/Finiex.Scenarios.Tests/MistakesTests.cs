using Finiex.Scenarios.Validation;

namespace Finiex.Scenarios.Tests;

/// <summary>A file full of mistakes: every one is reported at once, at its JSON path, with a hint.</summary>
public sealed class MistakesTests
{
    private static readonly IReadOnlyList<ValidationProblem> Problems = SetFixture.Load(SetFixture.Fixture("mistakes.json")).AllProblems();

    private static ValidationProblem At(string path, string containing) =>
        Assert.Single(Problems, p => p.Path == path && p.Message.Contains(containing, StringComparison.Ordinal));

    [Fact]
    public void The_set_is_invalid_and_no_scenario_is_runnable()
    {
        var report = SetFixture.Load(SetFixture.Fixture("mistakes.json"));
        Assert.False(report.IsValid);
        Assert.All(report.Scenarios, s => Assert.False(s.IsValid));
        Assert.Null(report.ToRunnableSet()); // set-level errors (a bad name, an unknown top-level key) stop the whole set
    }

    [Fact]
    public void Typos_in_keys_are_caught_with_a_suggestion()
    {
        Assert.Equal("did you mean 'description'?", At("$.descripton", "unknown key").Hint);
        Assert.Equal("did you mean 'smoothing'?", At("$.defaults.strategy.workers.rsi_fast.params.smothing", "unknown parameter").Hint);
        Assert.Equal("did you mean 'commission_per_lot'?", At("$.defaults.account.comission_per_lot", "unknown key").Hint);
    }

    [Fact]
    public void Unknown_types_and_timeframes_are_caught()
    {
        Assert.Equal("did you mean 'envelope'?", At("$.defaults.strategy.workers.band.type", "unknown worker type 'envelop'").Hint);
        At("$.defaults.strategy.workers.rsi_fast.timeframe", "unknown timeframe 'M7'");
        At("$.defaults.execution.mode", "unknown execution mode 'turbo'");
        At("$.defaults.execution.export_current_bars", "must be true or false");
    }

    [Fact]
    public void Bad_parameters_and_account_values_are_caught()
    {
        At("$.defaults.strategy.workers.slow.params.period", "must be >= 1");
        At("$.defaults.strategy.decision.params.rsi_buy", "must be below rsi_sell");
        At("$.defaults.account.initial_balance", "must be > 0");
        At("$.defaults.account.currency", "not a 3-letter");
    }

    [Fact]
    public void Decision_inputs_must_name_existing_workers_of_the_right_kind()
    {
        At("$.defaults.strategy.decision.inputs.rsi", "is a sma worker");
        Assert.Equal("did you mean 'band'?", At("$.defaults.strategy.decision.inputs.band", "'bnd', which is not defined").Hint);
    }

    [Fact]
    public void Scenario_level_mistakes_point_at_the_scenario()
    {
        At("$.scenarios[0].end", "is not before end");
        At("$.scenarios[1].start", "'yesterday' is not an ISO-8601");
        At("$.scenarios[1].max_ticks", "whole number");
        At("$.scenarios[3].end", "needs 'end' or 'max_ticks'");
        At("$.scenarios[4].grid['strategy.workers.rsi_slow.params.period']", "does not lead anywhere");
        At("$.name", "cannot be used as a folder name");
    }

    [Fact]
    public void A_problem_in_the_defaults_is_listed_once_for_all_the_scenarios_it_affects()
    {
        var problem = At("$.defaults.account.initial_balance", "must be > 0");
        Assert.Equal(4, problem.Scenarios.Count);
        Assert.All(Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Hint)));
    }
}
