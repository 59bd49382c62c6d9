using System.Text;
using Finiex.Orchestration.Events;
using Finiex.Server.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Finiex.Server.Api;

/// <summary><c>GET /runs/{id}/logs</c> (filtered, paged by sequence number) and <c>GET /runs/{id}/logs/download</c> (every line, as text).</summary>
internal static class LogEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/runs/{id}/logs", (string id, long? after_seq, string? min_level, string? source, string? q, int? limit, RunManager runs) =>
        {
            if (RunEndpoints.Known(id, runs) is null || runs.LogOf(id) is not { } log)
            {
                return RunEndpoints.NotFound(id);
            }

            var level = LogLevelFilter.Debug;
            if (min_level is not null && !LogLevels.TryParse(min_level, out level))
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, $"min_level '{min_level}' is not one of debug, info, warn, error");
            }

            if (limit is < 1 or > LogQuery.MaxLimit)
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, $"limit must be between 1 and {LogQuery.MaxLimit}");
            }

            return Results.Ok(log.Query(new LogQuery(after_seq ?? 0, level, NullIfEmpty(source), NullIfEmpty(q), limit ?? LogQuery.DefaultLimit)));
        }).WithSummary("Log lines after a sequence number (after_seq), at or above min_level, of one source (a scenario's name, or batch), containing q; limit (≤ 5000). Continue with after_seq = next_after_seq.")
          .Produces<LogPage>();

        api.MapGet("/runs/{id}/logs/download", async (HttpContext context, string id, RunManager runs) =>
        {
            if (RunEndpoints.Known(id, runs) is null)
            {
                await ApiError.Write(context, StatusCodes.Status404NotFound, $"no run '{id}' (GET /runs lists them)").ConfigureAwait(false);
                return;
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}.log\"";
            await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false));
            foreach (var line in RunLog.ReadAll(runs.LogFile(id)))
            {
                await writer.WriteLineAsync(line.ToText().AsMemory(), context.RequestAborted).ConfigureAwait(false);
            }
        }).WithSummary("Every log line of the run as text (one per line: time, level, [source], message).");
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
