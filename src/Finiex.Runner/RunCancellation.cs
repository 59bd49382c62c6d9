namespace Finiex.Runner;

/// <summary>
/// The cancellation of the scenario a runner is running. Each run gets a source of its own: a canceled source cannot
/// be reset, and a timed-out scenario's cancel must never reach the next scenario on the same runner.
/// </summary>
internal sealed class RunCancellation : IDisposable
{
    private CancellationTokenSource _current = new();

    /// <summary>A fresh token for the next run (the previous run must have returned).</summary>
    public CancellationToken Renew()
    {
        var previous = _current;
        _current = new CancellationTokenSource();
        previous.Dispose();
        return _current.Token;
    }

    public Task CancelAsync() => _current.CancelAsync();

    public void Dispose() => _current.Dispose();
}
