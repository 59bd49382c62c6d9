using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Finiex.Server.Tests;

/// <summary>Reads a server WebSocket message by message as JSON, and sends a client's requests.</summary>
internal static class LiveWebSocketClient
{
    /// <summary>The next message, or null when the server closed the socket.</summary>
    public static async Task<JsonElement?> ReceiveAsync(this WebSocket socket, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                using var document = JsonDocument.Parse(message.ToArray());
                return document.RootElement.Clone();
            }
        }
    }

    /// <summary>Every message until the server closes the socket.</summary>
    public static async Task<List<JsonElement>> ReceiveAllAsync(this WebSocket socket)
    {
        var messages = new List<JsonElement>();
        while (await socket.ReceiveAsync() is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    public static Task SendResyncAsync(this WebSocket socket) =>
        socket.SendAsync(Encoding.UTF8.GetBytes("{\"action\":\"resync\"}"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public static string Type(this JsonElement message) => message.GetProperty("type").GetString()!;

    public static long Sequence(this JsonElement message) => message.GetProperty("sequence").GetInt64();
}
