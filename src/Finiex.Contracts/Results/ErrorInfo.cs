using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>Why a scenario failed: a validation error, or an exception's type, message and stack trace.</summary>
[MessagePackObject]
public sealed record ErrorInfo([property: Key(0)] string Type, [property: Key(1)] string Message, [property: Key(2)] string? StackTrace);
