using System.Text.Json;
using Finiex.Orchestration.Registry;
using Finiex.Orchestration.Service;
using Finiex.Server.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Finiex.Server.Api;

/// <summary>The runs: submit, list, one run with its stage history, cancel, delete, its report; and the sets that can be started by name.</summary>
internal static class RunEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithSummary("Whether the server answers.");
        api.MapGet("/sets", (RunManager runs) => Results.Ok(new { sets = SetSource.Available(runs.Settings.ConfigsFolder) }))
            .WithSummary("The sets under configs/scenario_sets that POST /runs starts by name.");
        api.MapPost("/runs", Submit)
            .WithSummary("Starts a run: {\"set\": NAME} or {\"definition\": {...}}, optionally mode and scenario_timeout_seconds. 202 with the run; 400 with every problem's JSON path; 429 when the queue is full.")
            .Produces<RunRecord>(StatusCodes.Status202Accepted).Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status429TooManyRequests);
        api.MapGet("/runs", List).WithSummary("Runs, newest first; ?status= (a stage) and ?limit=.").Produces<IReadOnlyList<RunRecord>>();
        api.MapGet("/runs/{id}", (string id, RunManager runs) =>
                Known(id, runs) is { } run ? Results.Ok(new RunDetail(run, runs.Registry.Stages(id))) : NotFound(id))
            .WithSummary("A run with its stage history.").Produces<RunDetail>().Produces<ApiError>(StatusCodes.Status404NotFound);
        api.MapPost("/runs/{id}/cancel", (string id, RunManager runs) =>
                Known(id, runs) is not { } run ? NotFound(id)
                : runs.Cancel(id) ? Results.Accepted($"/runs/{id}", new { id, canceling = true })
                : run.Stage == BatchStage.Canceled ? Results.Accepted($"/runs/{id}", new { id, canceling = false, stage = run.Stage })
                : ApiError.Result(StatusCodes.Status409Conflict, $"run {id} has already ended ({run.StageLabel}): there is nothing to cancel"))
            .WithSummary("Cancels a run (202; asking again, also once it is canceled, is 202 again); 409 when it completed or failed.");
        api.MapDelete("/runs/{id}", async (string id, RunManager runs) =>
                !RunIds.IsValid(id) ? NotFound(id)
                : await runs.DeleteAsync(id).ConfigureAwait(false) switch
                {
                    RunDeletion.Deleted => Results.NoContent(),
                    RunDeletion.StillGoing => ApiError.Result(StatusCodes.Status409Conflict, $"run {id} is still going: cancel it first (POST /runs/{id}/cancel)"),
                    _ => NotFound(id),
                })
            .WithSummary("Deletes a finished run, its results folder and log (204); 409 while it is going.");
        api.MapGet("/runs/{id}/report", (string id, RunManager runs) =>
                Known(id, runs) is not { } run ? NotFound(id)
                : run.ResultsFolder is { } folder && File.Exists(Path.Combine(folder, "report.html")) ? Results.File(Path.Combine(folder, "report.html"), "text/html; charset=utf-8")
                : ApiError.Result(StatusCodes.Status404NotFound, run.IsFinished
                    ? $"run {id} has no report.html ({run.Error ?? run.StageLabel}); finiex report {run.ResultsFolder ?? "RESULTS_DIR"} writes it again"
                    : $"run {id} is {run.StageLabel}: its report is written when it ends"))
            .WithSummary("The run's report.html (written when the run ends).");
    }

    internal static RunRecord? Known(string id, RunManager runs) => RunIds.IsValid(id) ? runs.Get(id) : null;

    internal static IResult NotFound(string id) => ApiError.Result(StatusCodes.Status404NotFound, $"no run '{id}' (GET /runs lists them)");

    private static IResult Submit(RunSubmission? submission, RunManager runs)
    {
        try
        {
            var run = runs.Submit(submission ?? new RunSubmission());
            return Results.Accepted($"/runs/{run.Id}", run);
        }
        catch (RunSubmissionException ex)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, ex.Message, ex.Details);
        }
        catch (RunQueueFullException ex)
        {
            return ApiError.Result(StatusCodes.Status429TooManyRequests, ex.Message);
        }
    }

    private static IResult List(string? status, int? limit, RunManager runs)
    {
        var count = Math.Clamp(limit ?? 100, 1, 1_000);
        if (status is null)
        {
            return Results.Ok(runs.Registry.List(count));
        }

        return Enum.TryParse<BatchStage>(status.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var only) && Enum.IsDefined(only)
            ? Results.Ok(runs.Registry.List(count, stage: only))
            : ApiError.Result(StatusCodes.Status400BadRequest,
                $"status '{status}' is not one of {string.Join(", ", Enum.GetNames<BatchStage>().Select(JsonNamingPolicy.SnakeCaseLower.ConvertName))}");
    }
}

/// <summary>A run with its stage history, for <c>GET /runs/{id}</c>.</summary>
public sealed record RunDetail(RunRecord Run, IReadOnlyList<StageChange> Stages);
