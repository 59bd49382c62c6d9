using Finiex.Orchestration.Events;
using Finiex.Server.Api;
using Finiex.Server.Runs;
using Microsoft.AspNetCore.Http;

namespace Finiex.Server.Live;

/// <summary>
/// <c>/ws</c>: every run — a snapshot of the runs (the latest 100), then an <c>added</c> message with a new run's record,
/// a compact <c>patch</c> per change of one (stage, progress, message, error...) and <c>removed</c>, each with the
/// server's run-change sequence number. <c>/ws?run=ID</c>: one run — a snapshot of its scenarios, slots and
/// latest log lines, then a patch per scenario or slot event and each log line, with the run's sequence number, and an
/// <c>end</c> message with the final record once its results are written; an ended run gets <c>ended</c> with its record.
/// </summary>
internal static class LiveStreams
{
    private const int RunsInSnapshot = 100;
    private static readonly TimeSpan WaitForResults = TimeSpan.FromMilliseconds(50);

    public static async Task ServeAsync(HttpContext context, RunManager runs)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiError.Write(context, StatusCodes.Status400BadRequest, "connect with a WebSocket: ws://HOST/ws (every run) or ws://HOST/ws?run=ID (one run)").ConfigureAwait(false);
            return;
        }

        var id = context.Request.Query["run"].ToString();
        if (id.Length > 0 && (!RunIds.IsValid(id) || runs.Get(id) is null))
        {
            await ApiError.Write(context, StatusCodes.Status404NotFound, $"no run '{id}' (GET /runs lists them)").ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var settings = runs.Settings;
        if (id.Length == 0)
        {
            using var changes = runs.Feed.Subscribe(settings.WebSocketQueue);
            using var all = new LiveSocket<RunChange>(socket, runs.Clients, settings.WebSocketSendTimeout);
            await all.ServeAsync(changes,
                () =>
                {
                    var (sequence, list) = runs.Feed.Snapshot(() => runs.Registry.List(RunsInSnapshot));
                    return (sequence, new { type = "snapshot", sequence, runs = list });
                },
                c => c.Sequence,
                c => c.Kind switch
                {
                    RunChangeKind.Removed => new { type = "removed", sequence = c.Sequence, id = c.Run.Id },
                    RunChangeKind.Added => new { type = "added", sequence = c.Sequence, run = c.Run },
                    _ => (object)new { type = "patch", sequence = c.Sequence, run = Patch(c.Run) },
                },
                () => Task.FromResult<object?>(null), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (runs.EventsOf(id) is not { } hub)
        {
            using var ended = Ended();
            using var over = new LiveSocket<BatchEvent>(socket, runs.Clients, settings.WebSocketSendTimeout);
            await over.ServeAsync(ended, () => (0, new { type = "ended", run = runs.Get(id) }),
                e => e.Sequence, e => e, () => Task.FromResult<object?>(null), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var events = hub.Subscribe(settings.WebSocketQueue);
        using var live = new LiveSocket<BatchEvent>(socket, runs.Clients, settings.WebSocketSendTimeout);
        await live.ServeAsync(events,
            () =>
            {
                var snapshot = hub.Snapshot();
                return (snapshot.Sequence, Snapshot(snapshot, runs.Get(id)));
            },
            e => e.Sequence,
            Message,
            async () =>
            {
                while (runs.IsActive(id))
                {
                    await Task.Delay(WaitForResults, context.RequestAborted).ConfigureAwait(false); // the summary and report are being written
                }

                return new { type = "end", run = runs.Get(id) };
            }, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>What changes as a run goes: the rest of its record came with its <c>added</c> message or the snapshot.</summary>
    private static object Patch(Orchestration.Registry.RunRecord run) => new
    {
        run.Id, run.Stage, run.StageLabel, run.Progress, run.Message, run.Error, run.ResultsFolder, run.SetName, run.UpdatedAt, run.FinishedAt,
    };

    private static object Snapshot(BatchSnapshot snapshot, Orchestration.Registry.RunRecord? run) => new
    {
        type = "snapshot",
        sequence = snapshot.Sequence,
        run,
        scenarios = snapshot.Scenarios.Select(Describe),
        slots = snapshot.Slots.Select(Describe),
        logs = snapshot.RecentLogs.Select(RunLogLine.Of),
    };

    private static object Message(BatchEvent e) => e is LogWritten line
        ? new { type = "log", sequence = e.Sequence, line = RunLogLine.Of(line) }
        : new { type = "patch", sequence = e.Sequence, @event = Describe(e) };

    /// <summary>An event for the wire: a finished scenario's statistics, not its whole result (trades and curve are at /runs/{id}/scenarios/{name}).</summary>
    private static object Describe(BatchEvent e)
    {
        var scenario = e as ScenarioEvent;
        return new
        {
            e.Sequence,
            e.Time,
            e.Kind,
            e.SlotId,
            e.ScenarioIndex,
            e.ScenarioName,
            e.Symbol,
            scenario?.Status,
            scenario?.TicksProcessed,
            scenario?.TicksTotal,
            Percent = scenario is null ? (double?)null : Math.Round(scenario.Percent, 1),
            scenario?.Balance,
            scenario?.Equity,
            scenario?.Trades,
            Message = e switch { ScenarioFinished f => f.Message, BatchStarted s => s.Reason, BatchFinished f => f.Message, _ => null },
            (e as ScenarioFinished)?.Result?.Statistics,
        };
    }

    /// <summary>A feed that has already ended: the client gets the snapshot (<c>ended</c>) and the close.</summary>
    private static BoundedSubscription<BatchEvent> Ended()
    {
        var ended = new BoundedSubscription<BatchEvent>(1, _ => { }, _ => true);
        ended.Offer(new BatchFinished());
        return ended;
    }
}
