using MessagePack;

namespace Finiex.Contracts.Results;

/// <summary>
/// Why a scenario failed: the kind of failure, a message a person can act on, and for an exception in the scenario's
/// own code its type name and stack trace.
/// </summary>
[MessagePackObject]
public sealed record ErrorInfo(
    [property: Key(0)] FailureKind Kind,
    [property: Key(1)] string Message,
    [property: Key(2)] string? StackTrace = null,
    [property: Key(3)] string? ExceptionType = null);
