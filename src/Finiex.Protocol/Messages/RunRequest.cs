using Finiex.Contracts.Packages;
using MessagePack;

namespace Finiex.Protocol.Messages;

/// <summary>
/// Run scenarios: one, or several over the same ticks and window as one fused sweep. The runner answers with progress,
/// log batches and heartbeats, and a result for each scenario the moment it exists (all carry the request's run id).
/// <paramref name="Ticks"/> carries the ticks of store ranges the runner cannot read and has not been sent before (it keeps
/// them for its life); null when it reads the store.
/// </summary>
[MessagePackObject]
public sealed record RunRequest(
    [property: Key(0)] long RunId,
    [property: Key(1)] IReadOnlyList<ProcessDataPackage> Packages,
    [property: Key(2)] IReadOnlyList<ShippedTicks>? Ticks = null);
