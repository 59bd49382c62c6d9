using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Results;
using Finiex.Orchestration.Sweeps;
using Finiex.Server.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Finiex.Server.Api;

/// <summary>
/// A run's scenarios as its results folder records them (each on disk the moment it finishes), with the live progress of
/// those still running and the sweep ranking of the finished ones; one scenario with its statistics, trades and equity curve.
/// </summary>
internal static class ScenarioEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/runs/{id}/scenarios", (string id, RunManager runs) =>
        {
            if (RunEndpoints.Known(id, runs) is not { } run)
            {
                return RunEndpoints.NotFound(id);
            }

            if (Summary(run) is not { } summary)
            {
                return Results.Ok(new { run_id = id, scenarios = Array.Empty<object>(), sweeps = Array.Empty<Sweep>() });
            }

            var live = runs.EventsOf(id)?.Snapshot().Scenarios.ToDictionary(e => e.ScenarioIndex) ?? [];
            return Results.Ok(new
            {
                run_id = id,
                scenarios = summary.Scenarios.Select(s =>
                {
                    var now = live.GetValueOrDefault(s.Index); // its latest event while the run goes
                    return new
                    {
                        s.Index,
                        s.Name,
                        s.Symbol,
                        s.Status,
                        Running = now is not null and not ScenarioFinished,
                        Percent = s.Status != ScenarioOutcomeStatus.Pending ? 100 : Math.Round(now?.Percent ?? 0, 1),
                        TicksProcessed = s.Statistics?.TicksProcessed ?? now?.TicksProcessed ?? 0,
                        s.Currency,
                        s.GridValues,
                        s.Error,
                        s.Statistics,
                        s.ReportStatistics,
                    };
                }),
                sweeps = SweepRanking.Rank(summary.Scenarios, SweepScore.NetProfit),
            });
        }).WithSummary("The run's scenarios: status, live progress, statistics (§8b), and the sweep ranking by net profit.");

        api.MapGet("/runs/{id}/scenarios/{name}", (string id, string name, RunManager runs) =>
        {
            if (RunEndpoints.Known(id, runs) is not { } run)
            {
                return RunEndpoints.NotFound(id);
            }

            var scenario = Summary(run)?.Scenarios.FirstOrDefault(s => s.Name == name);
            if (scenario is null)
            {
                return ApiError.Result(StatusCodes.Status404NotFound, $"run {id} has no scenario '{name}' (GET /runs/{id}/scenarios lists them)");
            }

            try
            {
                return RecordedRun.ReadScenario(run.ResultsFolder!, scenario) is { } own
                    ? Results.Ok(own with { Log = null, Profile = null })
                    : Results.Ok(scenario);
            }
            catch (ResultsFolderException ex)
            {
                return ApiError.Result(StatusCodes.Status500InternalServerError, ex.Message);
            }
        }).WithSummary("One scenario: statistics, report statistics, trades and equity curve once it has finished (its log is at /runs/{id}/logs?source=NAME).");
    }

    private static BatchSummary? Summary(Orchestration.Registry.RunRecord run)
    {
        try
        {
            return run.ResultsFolder is { } folder && File.Exists(Path.Combine(folder, RecordedRun.SummaryFile)) ? RecordedRun.ReadSummary(folder) : null;
        }
        catch (ResultsFolderException)
        {
            return null; // being replaced this instant; the next call reads it
        }
    }
}
