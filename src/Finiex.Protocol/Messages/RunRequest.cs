using Finiex.Contracts.Packages;
using MessagePack;

namespace Finiex.Protocol.Messages;

/// <summary>Run one scenario; the runner answers with progress, log batches, heartbeats and finally a result.</summary>
[MessagePackObject]
public sealed record RunRequest([property: Key(0)] long RunId, [property: Key(1)] ProcessDataPackage Package);
