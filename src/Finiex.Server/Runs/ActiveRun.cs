using Finiex.Orchestration.Registry;
using Finiex.Orchestration.Service;

namespace Finiex.Server.Runs;

/// <summary>A run the server is going through (queued or running): its job, log, cancellation and latest record.</summary>
internal sealed class ActiveRun(BatchJob job, RunLog log, RunRecord record) : IDisposable
{
    private readonly Dictionary<int, long> _ticks = []; // touched only on the hub's publishing path, in sequence order

    public BatchJob Job => job;

    public RunLog Log => log;

    public CancellationTokenSource Cancel { get; } = new();

    public Task Work { get; set; } = Task.CompletedTask;

    /// <summary>The latest state, as saved to the registry (changed under the manager's feed lock).</summary>
    public RunRecord Record { get; set; } = record;

    /// <summary>Whether the batch's last event (<c>batch_finished</c>) has been published.</summary>
    public bool SawEnd { get; set; }

    /// <summary>Records the ticks a scenario has processed and returns how many are new since its last event (for the server's ticks/s).</summary>
    public long NewTicks(int scenario, long processed)
    {
        var before = _ticks.GetValueOrDefault(scenario);
        _ticks[scenario] = Math.Max(before, processed);
        return Math.Max(0, processed - before);
    }

    public void Dispose() => Cancel.Dispose();
}
