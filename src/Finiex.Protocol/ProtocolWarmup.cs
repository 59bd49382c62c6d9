using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Protocol.Messages;
using MessagePack;

namespace Finiex.Protocol;

/// <summary>
/// MessagePack builds each type's formatter on first use, which costs a noticeable fraction of a runner's start.
/// Both sides run this once, in the background, while the process starts and the pipe connects.
/// </summary>
public static class ProtocolWarmup
{
    private static readonly Lazy<Task> Done = new(() => Task.Run(Run));

    public static Task EnsureStarted() => Done.Value;

    private static void Run()
    {
        var package = new ProcessDataPackage
        {
            ScenarioIndex = 0,
            ScenarioName = "warmup",
            SetName = "warmup",
            Symbol = "X",
            StartMs = 0,
            Workers = [new WorkerSpec { Name = "w", Type = "t", Timeframe = "M1", Numbers = new Dictionary<string, double> { ["p"] = 1 }, Choices = new Dictionary<string, string> { ["c"] = "v" }, WarmupBars = 1 }],
            Decision = new DecisionSpec { Type = "d", Inputs = new Dictionary<string, string>(), Numbers = new Dictionary<string, double>(), Choices = new Dictionary<string, string>() },
            Account = new AccountSpec { InitialBalance = 1, Currency = "USD", Leverage = 1 },
            SymbolSpec = new SymbolContract { Name = "X", BaseCurrency = "A", QuoteCurrency = "B", ContractSize = 1, Digits = 1, Point = 0.1, VolumeMin = 1, VolumeMax = 1, VolumeStep = 1 },
            WarmupBars = [new BarColumns { Timeframe = "M1", Starts = [0], Open = [1], High = [1], Low = [1], Close = [1], TickCounts = [1] }],
            Ticks = new TickSource(),
        };
        var result = new ProcessResult
        {
            Success = true,
            ScenarioIndex = 0,
            ScenarioName = "warmup",
            Symbol = "X",
            Timings = new RunTimings { StartupSteps = [new TimedStep("s", 1)] },
            Statistics = new ScenarioStatistics(),
            Trades = [new TradeRecord { Id = 1, Side = "long", Lots = 1, OpenTimeMs = 0, OpenPrice = 1, CloseTimeMs = 1, ClosePrice = 1, CloseReason = "signal", Commission = 0, Swap = 0, Pnl = 0 }],
            Profile = new ProfileReport { Operations = [new OperationShare("o", 1, 1)] },
            Log = [new LogLine(DateTimeOffset.UnixEpoch, "INFO", "m")],
            Error = new ErrorInfo(FailureKind.ScenarioError, "m", null, "t"),
            BarTraces = [new BarTrace { Timeframe = "M1", Columns = ["c"], Bars = package.WarmupBars[0], Values = [1] }],
        };
        RoundTrip(new RunRequest(1, [package]));
        RoundTrip(new ResultMessage(1, result));
        RoundTrip(new ProgressMessage(1, 0, "RUNNING", 1, 2, 1, 1, 0));
        RoundTrip(new LogBatch(1, 0, [new LogLine(DateTimeOffset.UnixEpoch, "INFO", "m")]));
        RoundTrip(new Heartbeat(1, 1));
        RoundTrip(new CancelRequest(1));
        RoundTrip(new ShutdownRequest("r"));
    }

    private static void RoundTrip<T>(T message) => MessagePackSerializer.Deserialize<T>(MessagePackSerializer.Serialize(message));
}
