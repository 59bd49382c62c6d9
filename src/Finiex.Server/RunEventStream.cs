using System.Net.WebSockets;
using System.Text.Json;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Results;
using Microsoft.AspNetCore.Http;

namespace Finiex.Server;

/// <summary>
/// <c>GET /api/runs/{id}/events</c> over a WebSocket: a <c>snapshot</c> message (every slot's latest state and the
/// sequence it is valid at), then each event as it happens; when the client fell behind and events were dropped, a new
/// snapshot comes first (resync), so a client never has to guess. A run that has already ended sends <c>ended</c> with
/// its record; the stream ends with <c>end</c> and the run's final record once its results are written.
/// </summary>
internal static class RunEventStream
{
    private static readonly TimeSpan WaitForStart = TimeSpan.FromMilliseconds(100);

    public static async Task ServeAsync(HttpContext context, string id, RunManager runs)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = "connect with a WebSocket (ws://HOST/api/runs/ID/events)" }).ConfigureAwait(false);
            return;
        }

        if (runs.Registry.Get(id) is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new { error = $"no run {id}" }).ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var aborted = context.RequestAborted;
        if (runs.EventsOf(id) is not { } hub)
        {
            await SendAsync(socket, new { type = "ended", run = runs.Registry.Get(id) }, aborted).ConfigureAwait(false);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "ended", aborted).ConfigureAwait(false);
            return;
        }

        using var events = hub.Subscribe();
        var last = await SendSnapshotAsync(socket, hub, aborted).ConfigureAwait(false);
        var dropped = 0L;
        await foreach (var e in events.ReadAllAsync(aborted).ConfigureAwait(false))
        {
            if (e.Sequence <= last)
            {
                continue; // already in the snapshot
            }

            if (events.Dropped != dropped)
            {
                dropped = events.Dropped;
                last = await SendSnapshotAsync(socket, hub, aborted).ConfigureAwait(false);
                continue;
            }

            await SendAsync(socket, new { type = "event", @event = Describe(e) }, aborted).ConfigureAwait(false);
            last = e.Sequence;
        }

        while (runs.IsActive(id))
        {
            await Task.Delay(WaitForStart, aborted).ConfigureAwait(false); // the summary and report are being written
        }

        await SendAsync(socket, new { type = "end", run = runs.Registry.Get(id) }, aborted).ConfigureAwait(false);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "end", aborted).ConfigureAwait(false);
    }

    private static async Task<long> SendSnapshotAsync(WebSocket socket, BatchEventHub hub, CancellationToken cancellationToken)
    {
        var snapshot = hub.Snapshot();
        await SendAsync(socket, new { type = "snapshot", batch_id = snapshot.BatchId, sequence = snapshot.Sequence, slots = snapshot.Slots.Select(Describe) }, cancellationToken)
            .ConfigureAwait(false);
        return snapshot.Sequence;
    }

    /// <summary>An event for the wire: a finished scenario's statistics, not its whole result (trades and log are in its files).</summary>
    private static object Describe(BatchEvent e) => new
    {
        e.Sequence,
        e.Time,
        e.Kind,
        e.SlotId,
        e.ScenarioIndex,
        e.ScenarioName,
        e.Symbol,
        e.Status,
        e.TicksProcessed,
        e.TicksTotal,
        e.Balance,
        e.Equity,
        e.Trades,
        e.Level,
        e.Message,
        e.Result?.Statistics,
    };

    private static Task SendAsync(WebSocket socket, object message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message, ResultsJson.Compact), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
