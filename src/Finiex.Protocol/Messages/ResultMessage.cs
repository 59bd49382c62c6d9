using Finiex.Contracts.Results;
using MessagePack;

namespace Finiex.Protocol.Messages;

/// <summary>The scenario's result; the runner is idle again after sending it.</summary>
[MessagePackObject]
public sealed record ResultMessage([property: Key(0)] long RunId, [property: Key(1)] ProcessResult Result);
