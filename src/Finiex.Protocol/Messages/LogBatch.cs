using Finiex.Contracts.Results;
using MessagePack;

namespace Finiex.Protocol.Messages;

/// <summary>Log lines of the running scenario, batched.</summary>
[MessagePackObject]
public sealed record LogBatch([property: Key(0)] long RunId, [property: Key(1)] int ScenarioIndex, [property: Key(2)] IReadOnlyList<LogLine> Lines);
