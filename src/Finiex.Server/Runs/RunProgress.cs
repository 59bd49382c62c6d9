using Finiex.Orchestration.Events;
using Finiex.Scenarios.Validation;

namespace Finiex.Server.Runs;

/// <summary>A running batch's progress, 0–100, by ticks (every scenario's tick count is known from validation), and a message to go with it.</summary>
internal sealed class RunProgress(ScenarioSetReport report)
{
    private readonly int _scenarios = report.Scenarios.Count(s => s.Enabled);
    private readonly long _ticks = report.Scenarios.Where(s => s.Enabled && s.IsValid).Sum(s => s.Ticks ?? 0);

    public (double Percent, string Message) Of(BatchSnapshot snapshot)
    {
        var finished = snapshot.Scenarios.Count(e => e is ScenarioFinished);
        var processed = snapshot.Scenarios.Sum(e => e is ScenarioFinished ? e.TicksTotal : Math.Min(e.TicksProcessed, e.TicksTotal));
        var percent = _ticks > 0 ? Math.Round(Math.Min(99.9, 100.0 * processed / _ticks), 1) : Math.Round(100.0 * finished / Math.Max(1, _scenarios), 1);
        var running = snapshot.Scenarios.Count(e => e is not ScenarioFinished);
        return (percent, $"{finished} of {_scenarios} scenarios done, {running} running");
    }
}
