using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>A timestamped, levelled line of a scenario's log.</summary>
[MessagePackObject]
public sealed record LogLine([property: Key(0)] DateTimeOffset Time, [property: Key(1)] string Level, [property: Key(2)] string Message);
