namespace Finiex.Orchestration.Processes.Transport;

/// <summary>How runners reach the parent: a named pipe per runner on this machine, or one TCP listener they dial back to.</summary>
internal interface IRunnerTransport : IAsyncDisposable
{
    /// <summary>Prepares for the runner that will be launched with this id.</summary>
    RunnerEndpoint Expect(string runnerId);
}
