using Finiex.Contracts.Results;
using MessagePack;

namespace Finiex.Contracts.Live;

/// <summary>The statistics so far (SEMANTICS §8, on the trades closed so far) and the open position, if any.</summary>
[MessagePackObject]
public sealed record LivePortfolio
{
    [Key(0)] public required ScenarioStatistics Statistics { get; init; }
    /// <summary>"long", "short", or null when flat.</summary>
    [Key(1)] public string? PositionSide { get; init; }
    [Key(2)] public double PositionLots { get; init; }
    [Key(3)] public double PositionOpenPrice { get; init; }
    /// <summary>Equity minus balance: the open position's floating profit at the last tick.</summary>
    [Key(4)] public double FloatingProfit { get; init; }
    [Key(5)] public bool OrderPending { get; init; }
}
