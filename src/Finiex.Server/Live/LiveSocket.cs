using System.Net.WebSockets;
using System.Text.Json;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Results;

namespace Finiex.Server.Live;

/// <summary>
/// One WebSocket following a numbered feed: a snapshot valid at its sequence number, then each newer item in order.
/// The client's queue is bounded: when it fell behind and items were dropped, or when it asks with
/// <c>{"action":"resync"}</c> (it saw a gap), it gets a fresh snapshot; a send that takes longer than the timeout (a
/// client that stopped reading) drops the client. Nothing here ever makes the publisher wait.
/// </summary>
internal sealed class LiveSocket<T>(WebSocket socket, LiveClients clients, TimeSpan sendTimeout) : IDisposable
{
    private const int MaxClientMessage = 4_096;
    private static readonly TimeSpan CloseHandshake = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _resyncAsked = new(0);

    /// <param name="items">The client's own queue of the feed.</param>
    /// <param name="snapshot">The state and the sequence number it is valid at, taken atomically.</param>
    /// <param name="message">The wire message for an item.</param>
    /// <param name="end">The last message once the feed has ended (null: none).</param>
    public async Task ServeAsync(BoundedSubscription<T> items, Func<(long Sequence, object Message)> snapshot, Func<T, long> sequenceOf, Func<T, object> message,
        Func<Task<object?>> end, CancellationToken cancellationToken)
    {
        clients.Connect();
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = ReceiveAsync(closed);
        try
        {
            await StreamAsync(items, snapshot, sequenceOf, message, closed.Token).ConfigureAwait(false);
            if (await end().ConfigureAwait(false) is { } last)
            {
                await SendAsync(last, closed.Token).ConfigureAwait(false);
            }

            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "end", closed.Token).ConfigureAwait(false);
            // Wait for the client's close: cancelling a pending receive aborts the socket, which could cut off what it has not read yet.
            await receiving.WaitAsync(CloseHandshake, closed.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
            // the client went away, or was dropped as stuck
        }
        catch (WebSocketException)
        {
            // the connection broke
        }

        finally
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                await AnswerCloseAsync().ConfigureAwait(false);
            }

            await closed.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            clients.Disconnect();
        }
    }

    public void Dispose() => _resyncAsked.Dispose();

    /// <summary>Completes the close handshake the client began.</summary>
    private async Task AnswerCloseAsync()
    {
        using var timeout = new CancellationTokenSource(CloseHandshake);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the client did not wait for the answer
        }
    }

    private async Task StreamAsync(BoundedSubscription<T> items, Func<(long Sequence, object Message)> snapshot, Func<T, long> sequenceOf, Func<T, object> message,
        CancellationToken cancellationToken)
    {
        var last = await SendSnapshotAsync(snapshot, cancellationToken).ConfigureAwait(false);
        var dropped = 0L;
        Task<bool>? itemReady = null;
        Task? resyncAsked = null;
        while (true)
        {
            if (resyncAsked is { IsCompletedSuccessfully: true } || items.Dropped != dropped)
            {
                resyncAsked = null;
                dropped = items.Dropped;
                clients.Resynced();
                last = await SendSnapshotAsync(snapshot, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (items.Reader.TryRead(out var item))
            {
                var sequence = sequenceOf(item);
                if (sequence > last)
                {
                    await SendAsync(message(item), cancellationToken).ConfigureAwait(false);
                    last = sequence;
                }

                continue;
            }

            itemReady ??= items.Reader.WaitToReadAsync(cancellationToken).AsTask();
            resyncAsked ??= _resyncAsked.WaitAsync(cancellationToken);
            await Task.WhenAny(itemReady, resyncAsked).ConfigureAwait(false);
            if (itemReady.IsCompleted)
            {
                if (!await itemReady.ConfigureAwait(false))
                {
                    return; // the feed ended
                }

                itemReady = null;
            }
        }
    }

    private async Task<long> SendSnapshotAsync(Func<(long Sequence, object Message)> snapshot, CancellationToken cancellationToken)
    {
        var (sequence, state) = snapshot();
        await SendAsync(state, cancellationToken).ConfigureAwait(false);
        return sequence;
    }

    private async Task SendAsync(object message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(sendTimeout);
        try
        {
            await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message, ResultsJson.Compact), WebSocketMessageType.Text, endOfMessage: true, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            clients.Drop();
            socket.Abort();
            throw new WebSocketException($"The client read nothing for {sendTimeout.TotalSeconds:0.#} s and was dropped.");
        }
    }

    /// <summary>Reads what the client sends: <c>{"action":"resync"}</c> asks for a snapshot; a close ends the stream.</summary>
    private async Task ReceiveAsync(CancellationTokenSource closed)
    {
        var buffer = new byte[MaxClientMessage];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, closed.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (received.EndOfMessage && IsResync(buffer.AsSpan(0, received.Count)))
                {
                    _resyncAsked.Release();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // closing
        }

        await closed.CancelAsync().ConfigureAwait(false);
    }

    private static bool IsResync(ReadOnlySpan<byte> text)
    {
        try
        {
            var reader = new Utf8JsonReader(text);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("action", out var action) && action.ValueEquals("resync");
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
