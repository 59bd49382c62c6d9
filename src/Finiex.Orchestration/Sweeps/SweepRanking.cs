using System.Globalization;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Results;

namespace Finiex.Orchestration.Sweeps;

/// <summary>
/// Ranks the variants of each parameter sweep of a batch (the scenarios a grid expanded into, grouped by the set of
/// parameters they sweep) by a <see cref="SweepScore"/>. A variant that did not complete, made fewer than the minimum
/// number of trades, or has no value for the score (a profit factor without losses) is left out and counted.
/// </summary>
public static class SweepRanking
{
    public const int DefaultMinTrades = 1;

    public static IReadOnlyList<Sweep> Rank(IEnumerable<ScenarioSummary> scenarios, SweepScore score, int minTrades = DefaultMinTrades)
    {
        var sweeps = new List<Sweep>();
        foreach (var group in scenarios.Where(s => s.GridValues is { Count: > 0 }).GroupBy(s => string.Join('\n', s.GridValues!.Keys)))
        {
            var parameters = group.First().GridValues!.Keys.ToList();
            var rankable = group
                .Where(s => s.Status == ScenarioOutcomeStatus.Completed && s.Statistics!.Trades >= minTrades)
                .Select(s => (Scenario: s, Value: ValueOf(s, score)))
                .Where(v => v.Value is { } value && double.IsFinite(value))
                .ToList();
            var ordered = (score == SweepScore.MaxDrawdown ? rankable.OrderBy(v => v.Value) : rankable.OrderByDescending(v => v.Value))
                .ThenBy(v => v.Scenario.Index)
                .Select((v, i) => new RankedVariant(i + 1, v.Scenario.Index, v.Scenario.Name, v.Value!.Value, [.. parameters.Select(p => v.Scenario.GridValues![p])]))
                .ToList();
            sweeps.Add(new Sweep(parameters, score, minTrades, ordered, group.Count() - ordered.Count, parameters.Count == 2 ? HeatMap(ordered, group) : null));
        }

        return sweeps;
    }

    /// <summary>The score's value for a completed scenario; null when it has none.</summary>
    public static double? ValueOf(ScenarioSummary scenario, SweepScore score) => score switch
    {
        SweepScore.NetProfit => scenario.Statistics?.NetProfit,
        SweepScore.ProfitFactor => scenario.Statistics?.ProfitFactor,
        SweepScore.Sharpe => scenario.ReportStatistics?.Sharpe,
        SweepScore.RecoveryFactor => scenario.ReportStatistics?.RecoveryFactor,
        SweepScore.ExpectedPayoff => scenario.ReportStatistics?.ExpectedPayoff,
        SweepScore.MaxDrawdown => scenario.Statistics?.MaxDrawdown,
        _ => throw new ArgumentOutOfRangeException(nameof(score)),
    };

    /// <summary>Whether <paramref name="candidate"/> is better than <paramref name="best"/> by this score.</summary>
    public static bool IsBetter(SweepScore score, double candidate, double? best) =>
        best is not { } current || (score == SweepScore.MaxDrawdown ? candidate < current : candidate > current);

    private static SweepHeatMap HeatMap(List<RankedVariant> ranked, IEnumerable<ScenarioSummary> variants)
    {
        var all = variants.ToList();
        var xs = Axis(all.Select(s => s.GridValues!.Values.First()));
        var ys = Axis(all.Select(s => s.GridValues!.Values.Skip(1).First()));
        var cells = new double?[ys.Count][];
        for (var y = 0; y < ys.Count; y++)
        {
            cells[y] = new double?[xs.Count];
        }

        foreach (var variant in ranked)
        {
            cells[ys.IndexOf(variant.Values[1])][xs.IndexOf(variant.Values[0])] = variant.Score;
        }

        return new SweepHeatMap(xs, ys, cells);
    }

    /// <summary>The distinct values of one parameter, numerically ordered when they are all numbers.</summary>
    private static List<string> Axis(IEnumerable<string> values)
    {
        var distinct = values.Distinct().ToList();
        return distinct.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? [.. distinct.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture))]
            : [.. distinct.Order(StringComparer.Ordinal)];
    }
}

/// <summary>One sweep: the parameters it varies, its ranked variants (best first) and how many were left out.</summary>
public sealed record Sweep(IReadOnlyList<string> Parameters, SweepScore Score, int MinTrades, IReadOnlyList<RankedVariant> Ranked, int LeftOut, SweepHeatMap? HeatMap);

public sealed record RankedVariant(int Rank, int Index, string Name, double Score, IReadOnlyList<string> Values);

/// <summary>The score over two swept parameters: <see cref="Cells"/>[y][x], null where a variant was left out.</summary>
public sealed record SweepHeatMap(IReadOnlyList<string> X, IReadOnlyList<string> Y, IReadOnlyList<IReadOnlyList<double?>> Cells);
