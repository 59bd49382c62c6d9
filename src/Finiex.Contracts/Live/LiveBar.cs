using MessagePack;

namespace Finiex.Contracts.Live;

/// <summary>The forming bar of one timeframe (mid prices) and how many bars of it have closed in the run so far.</summary>
[MessagePackObject]
public sealed record LiveBar(
    [property: Key(0)] string Timeframe,
    [property: Key(1)] long StartMs,
    [property: Key(2)] double Open,
    [property: Key(3)] double High,
    [property: Key(4)] double Low,
    [property: Key(5)] double Close,
    [property: Key(6)] int TickCount,
    [property: Key(7)] int ClosedBars);
