using MessagePack;

namespace Finiex.Protocol.Messages;

/// <summary>Sent by a busy runner at least every second, so a hung tick loop is told from a long one.</summary>
[MessagePackObject]
public sealed record Heartbeat([property: Key(0)] long RunId, [property: Key(1)] long TicksProcessed);

/// <summary>Asks the runner to stop the running scenario at its next checkpoint.</summary>
[MessagePackObject]
public sealed record CancelRequest([property: Key(0)] long RunId);

/// <summary>Asks the runner to exit.</summary>
[MessagePackObject]
public sealed record ShutdownRequest([property: Key(0)] string Reason);
