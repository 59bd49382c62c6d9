using MessagePack;

namespace Finiex.Protocol.Messages;

/// <summary>
/// Sent by a busy runner every second: proof that the runner lives. <paramref name="Checkpoints"/> counts the
/// scenario's progress reports and tick-loop checkpoints so far; when it stops moving while heartbeats go on, the
/// tick loop (or the strategy code inside it) is stuck, which the parent's progress watchdog tells from a long run.
/// </summary>
[MessagePackObject]
public sealed record Heartbeat([property: Key(0)] long RunId, [property: Key(1)] long TicksProcessed, [property: Key(2)] long Checkpoints = 0);

/// <summary>Asks the runner to stop the running scenario at its next checkpoint.</summary>
[MessagePackObject]
public sealed record CancelRequest([property: Key(0)] long RunId);

/// <summary>Asks the runner to exit.</summary>
[MessagePackObject]
public sealed record ShutdownRequest([property: Key(0)] string Reason);
