using Finiex.Contracts.Live;
using MessagePack;

namespace Finiex.Protocol.Messages;

/// <summary>A throttled snapshot of the scenario a runner is running (status is one of the ScenarioStatus names), with the optional exports.</summary>
[MessagePackObject]
public sealed record ProgressMessage(
    [property: Key(0)] long RunId,
    [property: Key(1)] int ScenarioIndex,
    [property: Key(2)] string Status,
    [property: Key(3)] long TicksProcessed,
    [property: Key(4)] long TicksTotal,
    [property: Key(5)] double Balance,
    [property: Key(6)] double Equity,
    [property: Key(7)] int Trades,
    [property: Key(8)] LiveExport? Export = null);
