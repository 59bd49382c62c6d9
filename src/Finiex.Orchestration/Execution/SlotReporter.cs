using Finiex.Contracts.Live;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Engine.Logging;
using Finiex.Engine.Loop;
using Finiex.Orchestration.Events;
using Serilog.Core;
using Serilog.Events;

namespace Finiex.Orchestration.Execution;

/// <summary>
/// Turns one slot's progress and log lines for one scenario into hub events; in process it is the scenario's progress
/// sink and live log sink.
/// </summary>
public sealed class SlotReporter(BatchEventHub hub, int slotId, ProcessDataPackage package) : IProgressSink, ILogEventSink
{
    public void Report(in LiveProgress progress) =>
        Progress(progress.Status, progress.TicksProcessed, progress.TicksTotal, progress.Balance, progress.Equity, progress.Trades, progress.Export);

    public void Progress(ScenarioStatus status, long ticks, long total, double balance, double equity, int trades, LiveExport? export = null) =>
        hub.Publish(Draft(new ScenarioProgress
        {
            Status = status,
            TicksProcessed = ticks,
            TicksTotal = total,
            Balance = balance,
            Equity = equity,
            Trades = trades,
            Export = export,
        }));

    public void Log(LogLine line) => hub.Publish(Draft(new LogWritten(line.Level, line.Message) { LoggedAt = line.Time }));

    /// <summary>A line of the runner itself, not of this scenario (its start, warm-up, package receipt).</summary>
    public void RunnerLog(LogLine line) => hub.Publish(new LogWritten(line.Level, line.Message) { SlotId = slotId, LoggedAt = line.Time });

    void ILogEventSink.Emit(LogEvent logEvent) => Log(ScenarioLog.ToLine(logEvent));

    /// <summary>The event with this slot and this scenario filled in.</summary>
    public T Draft<T>(T draft)
        where T : BatchEvent =>
        (T)(draft with { SlotId = slotId, ScenarioIndex = package.ScenarioIndex, ScenarioName = package.ScenarioName, Symbol = package.Symbol });

    /// <summary>A status as a runner sends it (the enum's name, the wire's form); an unknown name is a failed scenario.</summary>
    public static ScenarioStatus StatusOf(string wireName) =>
        Enum.TryParse<ScenarioStatus>(wireName, out var status) ? status : ScenarioStatus.FinishedWithError;
}
