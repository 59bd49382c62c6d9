using System.Text.Json;
using Finiex.Orchestration.Registry;
using Finiex.Orchestration.Results;
using Finiex.Orchestration.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Finiex.Server;

/// <summary>
/// <c>finiex serve</c>: an ASP.NET Core server of batch runs. REST: <c>GET /api/health</c>, <c>POST /api/runs</c>
/// (<c>{"set": PATH, "mode"?, "scenario_timeout_seconds"?}</c> → 202 with the run; 429 when the queue is full),
/// <c>GET /api/runs[?stage=]</c>, <c>GET /api/runs/{id}</c> (with its stage history), <c>POST /api/runs/{id}/cancel</c>;
/// WebSocket <c>/api/runs/{id}/events</c> (<see cref="RunEventStream"/>).
/// JSON in snake_case like the results files. With a token, every call needs <c>Authorization: Bearer TOKEN</c>.
/// </summary>
public static class ServerApp
{
    public static WebApplication Build(ServerSettings settings, IEnumerable<string> urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls([.. urls]);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = ResultsJson.Options.PropertyNamingPolicy;
            foreach (var converter in ResultsJson.Options.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<RunManager>();
        var app = builder.Build();
        _ = app.Services.GetRequiredService<RunManager>(); // opens the registry now: runs a stopped server left going are marked failed at start
        if (settings.Token is { Length: > 0 } token)
        {
            app.Use(async (context, next) =>
            {
                if (context.Request.Headers.Authorization != $"Bearer {token}")
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    await context.Response.WriteAsJsonAsync(new { error = "send Authorization: Bearer TOKEN (the token given to finiex serve --token)" }).ConfigureAwait(false);
                    return;
                }

                await next(context).ConfigureAwait(false);
            });
        }

        app.UseWebSockets();
        var api = app.MapGroup("/api");
        api.Map("/runs/{id}/events", (HttpContext context, string id, RunManager runs) => RunEventStream.ServeAsync(context, id, runs));
        api.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        api.MapPost("/runs", (RunSubmission submission, RunManager runs) =>
        {
            if (string.IsNullOrWhiteSpace(submission.Set))
            {
                return Results.BadRequest(new { error = "give the scenario set file: {\"set\": \"configs/scenario_sets/my_set.json\"}" });
            }

            if (submission.Mode is { } mode && !Enum.TryParse<Core.Scenarios.ExecutionMode>(mode, ignoreCase: true, out _))
            {
                return Results.BadRequest(new { error = $"mode '{mode}' is not one of auto, sequential, threads, processes" });
            }

            try
            {
                var run = runs.Submit(submission);
                return Results.Accepted($"/api/runs/{run.Id}", run);
            }
            catch (RunQueueFullException ex)
            {
                return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status429TooManyRequests);
            }
        });
        api.MapGet("/runs", (string? stage, int? limit, RunManager runs) =>
            stage is null ? Results.Ok(runs.Registry.List(limit ?? 100))
            : Enum.TryParse<BatchStage>(stage.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var only) ? Results.Ok(runs.Registry.List(limit ?? 100, stage: only))
            : Results.BadRequest(new { error = $"stage '{stage}' is not one of {string.Join(", ", Enum.GetNames<BatchStage>().Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n)))}" }));
        api.MapGet("/runs/{id}", (string id, RunManager runs) =>
            runs.Registry.Get(id) is { } run ? Results.Ok(new RunDetail(run, runs.Registry.Stages(id))) : Results.NotFound(new { error = $"no run {id}" }));
        api.MapPost("/runs/{id}/cancel", (string id, RunManager runs) =>
            runs.Cancel(id) ? Results.Accepted($"/api/runs/{id}", new { id, canceling = true })
            : runs.Registry.Get(id) is { } run ? Results.Conflict(new { error = $"run {id} has already ended ({run.Stage})" })
            : Results.NotFound(new { error = $"no run {id}" }));
        return app;
    }
}

/// <summary>A run with its stage history, for <c>GET /api/runs/{id}</c>.</summary>
public sealed record RunDetail(RunRecord Run, IReadOnlyList<StageChange> Stages);
