using System.Net.WebSockets;
using Finiex.Orchestration.Events;
using Finiex.Server.Live;

namespace Finiex.Server.Tests;

/// <summary>A client whose socket accepts nothing more: the publisher never waits, the client's queue stays bounded, and the client is dropped.</summary>
public sealed class StuckClientTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_client_that_stopped_reading_is_dropped_and_never_slows_the_publisher()
    {
        var hub = new BatchEventHub("stuck");
        var clients = new LiveClients();
        using var socket = new StuckSocket(messagesAccepted: 1);
        using var events = hub.Subscribe(capacity: 64);
        using var live = new LiveSocket<BatchEvent>(socket, clients, TimeSpan.FromMilliseconds(300));
        var serving = live.ServeAsync(events, () => (hub.Snapshot().Sequence, new { type = "snapshot" }), e => e.Sequence, e => new { e.Sequence },
            () => Task.FromResult<object?>(null), CancellationToken.None);

        for (var i = 0; i < 100_000; i++)
        {
            hub.Publish(new ScenarioProgress { ScenarioIndex = 0, TicksProcessed = i });
        }

        Assert.True(events.Reader.Count <= 64); // bounded: the rest were dropped, not queued
        Assert.True(events.Dropped >= 100_000 - 64 - 1, $"{events.Dropped} dropped"); // at most one taken into a send that never completes
        await serving; // ends: the stuck send times out and the client is dropped
        Assert.Equal((1L, 0), (clients.Dropped, clients.Connected));
        Assert.True(socket.Aborted);
    }

    /// <summary>Takes the first messages, then never completes a send (a peer whose window stays shut).</summary>
    private sealed class StuckSocket(int messagesAccepted) : WebSocket
    {
        private int _sent;

        public bool Aborted { get; private set; }

        public override WebSocketCloseStatus? CloseStatus => null;

        public override string? CloseStatusDescription => null;

        public override WebSocketState State => Aborted ? WebSocketState.Aborted : WebSocketState.Open;

        public override string? SubProtocol => null;

        public override void Abort() => Aborted = true;

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Dispose()
        {
        }

        public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException();
        }

        public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _sent) <= messagesAccepted ? Task.CompletedTask : Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
