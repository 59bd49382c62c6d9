using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Engine.Loop;
using Finiex.Orchestration.Events;

namespace Finiex.Orchestration.Execution;

/// <summary>Turns one slot's progress and log lines for one scenario into hub events (and is the in-process progress sink).</summary>
public sealed class SlotReporter(BatchEventHub hub, int slotId, ProcessDataPackage package) : IProgressSink
{
    public void Report(in LiveProgress progress) =>
        Progress(StatusName(progress.Status), progress.TicksProcessed, progress.TicksTotal, progress.Balance, progress.Equity, progress.Trades);

    public void Progress(string status, long ticks, long total, double balance, double equity, int trades) =>
        hub.Publish(Draft(BatchEventKind.ScenarioProgress) with
        {
            Status = status,
            TicksProcessed = ticks,
            TicksTotal = total,
            Balance = balance,
            Equity = equity,
            Trades = trades,
        });

    public void Log(LogLine line) => hub.Publish(Draft(BatchEventKind.Log) with { Level = line.Level, Message = line.Message });

    public BatchEvent Draft(BatchEventKind kind) => new()
    {
        Sequence = 0,
        Time = default,
        Kind = kind,
        SlotId = slotId,
        ScenarioIndex = package.ScenarioIndex,
        ScenarioName = package.ScenarioName,
        Symbol = package.Symbol,
    };

    public static string StatusName(ScenarioStatus status) => status switch
    {
        ScenarioStatus.InitProcess => "INIT_PROCESS",
        ScenarioStatus.Running => "RUNNING",
        ScenarioStatus.Completed => "COMPLETED",
        _ => "FINISHED_WITH_ERROR",
    };

    public static string StatusName(string enumName) =>
        Enum.TryParse<ScenarioStatus>(enumName, out var status) ? StatusName(status) : enumName;
}
