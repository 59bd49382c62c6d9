using System.Globalization;
using System.Text;
using Finiex.Server.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Finiex.Server.Api;

/// <summary><c>GET /metrics</c>: JSON, or the Prometheus text format when asked for (<c>Accept: text/plain</c> as Prometheus sends, or <c>?format=prometheus</c>).</summary>
internal static class MetricsEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/metrics", (HttpContext context, string? format, RunManager runs) =>
        {
            var metrics = runs.Metrics();
            var accept = context.Request.Headers.Accept.ToString();
            return format == "prometheus" || (format is null && (accept.Contains("text/plain", StringComparison.Ordinal) || accept.Contains("openmetrics", StringComparison.Ordinal)))
                ? Results.Text(Prometheus(metrics), "text/plain; version=0.0.4; charset=utf-8")
                : Results.Ok(metrics);
        }).WithSummary("Runs by stage, runner slots busy, the queue, ticks/s and events/s over the last 10 s, WebSocket clients.").Produces<ServerMetrics>();

    public static string Prometheus(ServerMetrics m)
    {
        var text = new StringBuilder();
        void Metric(string name, string type, string help, params (string Labels, double Value)[] samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP finiex_{name} {help}\n# TYPE finiex_{name} {type}\n");
            foreach (var (labels, value) in samples)
            {
                text.Append(CultureInfo.InvariantCulture, $"finiex_{name}{labels} {value.ToString("R", CultureInfo.InvariantCulture)}\n");
            }
        }

        Metric("runs", "gauge", "Runs in the registry by stage.", [.. m.RunsByStage.Select(s => ($"{{stage=\"{s.Key}\"}}", (double)s.Value))]);
        Metric("slots", "gauge", "Runner slots of the shared pool.", ("", m.Slots));
        Metric("slots_busy", "gauge", "Runner slots running a scenario.", ("", m.SlotsBusy));
        Metric("runs_going", "gauge", "Runs past the queue.", ("", m.RunsGoing));
        Metric("runs_queued", "gauge", "Runs waiting for a place.", ("", m.RunsQueued));
        Metric("scenarios_waiting", "gauge", "Scenarios of going runs waiting for a slot.", ("", m.ScenariosWaiting));
        Metric("ticks_per_second", "gauge", "Ticks processed per second over the last 10 s.", ("", m.TicksPerSecond));
        Metric("ticks_total", "counter", "Ticks processed since the server started.", ("", m.TicksTotal));
        Metric("events_per_second", "gauge", "Run events published per second over the last 10 s.", ("", m.EventsPerSecond));
        Metric("events_total", "counter", "Run events published since the server started.", ("", m.EventsTotal));
        Metric("websocket_clients", "gauge", "WebSocket clients connected.", ("", m.WebSocketClients));
        Metric("websocket_resyncs_total", "counter", "Snapshots sent to clients that fell behind or asked.", ("", m.WebSocketResyncs));
        Metric("websocket_dropped_total", "counter", "Clients dropped because they stopped reading.", ("", m.WebSocketDropped));
        return text.ToString();
    }
}
