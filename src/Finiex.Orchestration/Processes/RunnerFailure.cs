namespace Finiex.Orchestration.Processes;

/// <summary>Why a runner was given up on; becomes the failed scenario's error type.</summary>
internal static class RunnerFailure
{
    public const string Crashed = "RunnerCrashed";
    public const string Hung = "RunnerHung";
    public const string ProtocolViolation = "ProtocolViolation";
    public const string Timeout = "Timeout";
    public const string Canceled = "Canceled";
    public const string StartFailed = "RunnerStartFailed";
}
