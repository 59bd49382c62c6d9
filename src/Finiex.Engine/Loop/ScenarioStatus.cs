namespace Finiex.Engine.Loop;

public enum ScenarioStatus
{
    InitProcess,
    Running,
    Completed,
    FinishedWithError,
}
