namespace Finiex.Contracts.Results;

/// <summary>Why a scenario did not complete. Written as snake_case in results (e.g. <c>timed_out</c>).</summary>
public enum FailureKind
{
    /// <summary>The scenario's own code threw (worker, decision, simulator); the exception type is kept beside.</summary>
    ScenarioError = 0,
    /// <summary>The scenario's configuration was refused by validation; it never ran.</summary>
    ValidationError = 1,
    /// <summary>Its package could not be prepared (store damaged or changed, broker file unreadable).</summary>
    DataPreparationError = 2,
    /// <summary>The batch was canceled (Ctrl+C, or a kill on request) before or while it ran.</summary>
    Canceled = 3,
    /// <summary>It ran longer than the batch's scenario timeout.</summary>
    TimedOut = 4,
    /// <summary>Its runner process exited, crashed or closed its pipe.</summary>
    RunnerCrashed = 5,
    /// <summary>Its runner went silent, or its tick loop made no progress, past the watchdog's limit.</summary>
    RunnerHung = 6,
    /// <summary>Its runner sent a malformed, oversized or unexpected frame.</summary>
    ProtocolViolation = 7,
    /// <summary>No runner could be started for it.</summary>
    RunnerStartFailed = 8,
    /// <summary>The store changed under the batch (re-imported or overwritten since the scenario was prepared).</summary>
    DataChanged = 9,
    /// <summary>A plug-in assembly could not be loaded for the scenario (changed since validation, missing, refused by the loader).</summary>
    PluginFailed = 10,
}
