using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>One calendar month's return: its last equity over the previous month's (the initial balance for the first), minus 1.</summary>
[MessagePackObject]
public sealed record MonthlyReturn([property: Key(0)] string Month, [property: Key(1)] double Return);
