using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Results;
using Finiex.Orchestration.Sweeps;

namespace Finiex.Cli.Rendering;

/// <summary>
/// The scenarios of a running batch as they finish (an outcome sink beside the results folder): counts by status,
/// ticks done, the latest few for the live view, and for a sweep the best variant so far by the chosen score.
/// </summary>
internal sealed class FinishedScenarios(ResultView view) : IScenarioOutcomeSink
{
    public const int Kept = 6;
    private readonly Lock _gate = new();
    private readonly Queue<ScenarioOutcome> _latest = new();
    private readonly Dictionary<ScenarioOutcomeStatus, int> _counts = [];
    private long _ticks;

    /// <summary>Called for each new best of the sweep, with the previous best's index (null for the first).</summary>
    public event Action<ScenarioOutcome, double, int?>? NewBest;

    public ScenarioOutcome? Best { get; private set; }

    public double? BestScore { get; private set; }

    public SweepScore Score => view.Score;

    public void Record(ScenarioOutcome outcome)
    {
        (ScenarioOutcome, double, int?)? improved = null;
        lock (_gate)
        {
            _counts[outcome.Status] = _counts.GetValueOrDefault(outcome.Status) + 1;
            _ticks += outcome.Result.Statistics?.TicksProcessed ?? 0;
            _latest.Enqueue(outcome);
            while (_latest.Count > Kept)
            {
                _latest.Dequeue();
            }

            var summary = ScenarioSummary.Of(outcome, files: null);
            if (outcome.Status == ScenarioOutcomeStatus.Completed && summary.GridValues is not null && outcome.Result.Statistics!.Trades >= view.MinTrades
                && SweepRanking.ValueOf(summary, view.Score) is { } value && double.IsFinite(value) && SweepRanking.IsBetter(view.Score, value, BestScore))
            {
                improved = (outcome, value, Best?.Index);
                (Best, BestScore) = (outcome, value);
            }
        }

        if (improved is var (best, score, previous))
        {
            NewBest?.Invoke(best, score, previous);
        }
    }

    public int Count(ScenarioOutcomeStatus status)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(status);
        }
    }

    public long TicksDone
    {
        get
        {
            lock (_gate)
            {
                return _ticks;
            }
        }
    }

    public IReadOnlyList<ScenarioOutcome> Latest()
    {
        lock (_gate)
        {
            return [.. _latest];
        }
    }
}
