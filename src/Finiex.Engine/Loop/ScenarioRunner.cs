using System.Diagnostics;
using System.Globalization;
using Finiex.Contracts.Live;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Core.Ticks;
using Finiex.Engine.Bars;
using Finiex.Engine.Catalog;
using Finiex.Engine.Logging;
using Finiex.Engine.Plugins;
using Finiex.Engine.Profiling;
using Finiex.Engine.Reporting;
using Finiex.Engine.Trading;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Time;
using Finiex.Sdk.Trading;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Loop;

/// <summary>
/// Runs scenarios from their <see cref="ProcessDataPackage"/>s: builds a fresh object graph for each (startup
/// preparation, each step timed), runs the tick loop, and returns a <see cref="ProcessResult"/> per scenario. Never
/// throws for a failing scenario: the error comes back in its result.
/// <para>
/// Given several scenarios, it fuses those over the same ticks and window (<see cref="FusionKey"/>) that run the same
/// kind of loop: one pass over the ticks, each timeframe's bars rendered once, each distinct worker computed once
/// (<see cref="SharedWorkers"/>); each scenario keeps its own decision logic or strategy, account, plug-ins, log,
/// progress and cancellation, and gets the result it would have alone, bit for bit. A scenario that fails or is
/// canceled leaves the others running.
/// </para>
/// </summary>
public sealed class ScenarioRunner(StrategyCatalog catalog, Func<TickSource, ITickData> openTicks, Func<ProcessDataPackage, ScenarioChannels> channels)
{
    public ScenarioRunner(StrategyCatalog catalog, Func<TickSource, ITickData> openTicks, IProgressSink? progress = null, Serilog.ILogger? liveLog = null)
        : this(catalog, openTicks, _ => new ScenarioChannels(progress, liveLog))
    {
    }

    public ProcessResult Run(ProcessDataPackage package, CancellationToken cancellationToken = default) => Run([package], null, cancellationToken)[0];

    /// <summary>Runs the scenarios, fused where they can be; <paramref name="finished"/> gets each result the moment it exists.</summary>
    public IReadOnlyList<ProcessResult> Run(IReadOnlyList<ProcessDataPackage> packages, Action<ProcessResult>? finished, CancellationToken cancellationToken = default)
    {
        var results = new ProcessResult[packages.Count];
        var lanes = new List<LaneSetup>();
        void Finish(LaneSetup lane, ProcessResult result)
        {
            results[lanes.IndexOf(lane)] = result;
            lane.Dispose();
            finished?.Invoke(result);
        }

        try
        {
            foreach (var package in packages)
            {
                lanes.Add(Prepare(package));
                if (lanes[^1].SetupError is { } error)
                {
                    Finish(lanes[^1], Failure(lanes[^1], error));
                }
            }

            var passes = lanes.Where(l => l.SetupError is null)
                .GroupBy(l => (Key: FusionKey.Of(l.Package) ?? $"#{l.Package.ScenarioIndex}", Strategies: l.Strategy is not null));
            foreach (var pass in passes)
            {
                RunPass([.. pass], Finish, cancellationToken);
            }
        }
        finally
        {
            foreach (var lane in lanes)
            {
                lane.Dispose();
            }
        }

        return results;
    }

    /// <summary>The scenario's own startup: its log, plug-ins and types; a failure is kept in <see cref="LaneSetup.SetupError"/>.</summary>
    private LaneSetup Prepare(ProcessDataPackage package)
    {
        var scenario = channels(package);
        var lane = new LaneSetup(package, scenario, new ScenarioLog(scenario.Log));
        Report(lane, ScenarioStatus.InitProcess, 0, package.Account.InitialBalance, package.Account.InitialBalance, 0);
        try
        {
            lane.Log.Info($"Scenario {package.ScenarioIndex} '{package.ScenarioName}': {package.Symbol} from {UtcTime.Format(package.StartMs)}"
                          + $"{(package.EndMs is { } end ? $" to {UtcTime.Format(end)}" : "")}, {package.Ticks.Count:N0} ticks");
            lane.Plugins = lane.Step("plugins", () => PluginLoader.ForScenario(catalog, package.Plugins));
            lane.Strategy = lane.Types.FindStrategy(package.Decision.Type);
            lane.DecisionParameters = ParameterSet.Resolve((lane.Strategy?.Info ?? lane.Types.Decision(package.Decision.Type).Info).Parameters,
                package.Decision.Numbers, package.Decision.Choices);
            lane.BarNeeds = lane.Strategy?.Info.Bars(lane.DecisionParameters) ?? [];
            CheckWarmupOrder(package);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            lane.SetupError = ex;
        }

        return lane;
    }

    /// <summary>One loop over the ticks for scenarios that share them and run the same kind of loop.</summary>
    private void RunPass(List<LaneSetup> lanes, Action<LaneSetup, ProcessResult> finish, CancellationToken cancellationToken)
    {
        var strategies = lanes[0].Strategy is not null;
        var workers = new SharedWorkers();
        Shared(lanes, "workers", () => lanes.RemoveAll(lane => !Try(lane, finish, () => lane.Workers = BuildWorkers(lane, workers))));
        if (lanes.Count == 0)
        {
            return;
        }

        var (bars, workersOfSeries) = SharedBars(lanes, workers, strategies);
        ITickData ticks;
        try
        {
            ticks = Shared(lanes, "tick_source", () => openTicks(lanes[0].Package.Ticks));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            lanes.ForEach(lane => finish(lane, Failure(lane, ex)));
            return;
        }

        using var opened = ticks;
        lanes.RemoveAll(lane => !Try(lane, finish, () => CheckWindow(lane.Package, ticks.Times)));
        if (lanes.Count == 0)
        {
            return;
        }

        var loopClock = new Stopwatch();
        var decisions = new SharedDecisions();
        lanes.RemoveAll(lane => !Try(lane, finish, () =>
        {
            lane.Bars = [.. lane.Series.Select(s => bars[s])];
            var laneWorkers = lane.WorkersOf(workers.Workers);
            lane.Lane = strategies
                ? StrategyLaneOf(lane, laneWorkers, loopClock, cancellationToken)
                : DecisionLaneOf(lane, laneWorkers, decisions, loopClock, cancellationToken);
            lane.Exports = new LiveExportBuilder(lane.Package.Options, lane.Lane.Account, lane.Bars, laneWorkers, lane.Lane.Profile);
        }));
        if (lanes.Count == 0)
        {
            return;
        }

        foreach (var lane in lanes)
        {
            Report(lane, ScenarioStatus.Running, 0, lane.Lane!.Account.Balance, lane.Lane.Account.Equity, 0);
            lane.Lane.OnFailure = failed => finish(lane, Failure(lane, failed.Failure!));
        }

        loopClock.Start();
        RunLoop(lanes, bars, workersOfSeries, [.. workers.Workers], ticks, strategies);
        var loopMs = loopClock.Elapsed.TotalMilliseconds;
        foreach (var lane in lanes.Where(l => l.Lane!.IsRunning))
        {
            lane.LoopMs = loopMs / lanes.Count;
            finish(lane, Completed(lane, loopClock));
        }
    }

    /// <summary>The pass's bar series (each with its warmup bars) and the workers committed each one's closes.</summary>
    private static (BarSeries[] Bars, int[][] WorkersOfSeries) SharedBars(List<LaneSetup> lanes, SharedWorkers workers, bool strategies)
    {
        var series = Shared(lanes, "worker_coordinator", () => ChooseSeries(lanes, workers.Workers, strategies));
        var bars = Shared(lanes, "bar_renderer", () => series.Select(s =>
        {
            var rendered = new BarSeries(s.Timeframe);
            rendered.AddWarmup(s.Warmup, s.Depth);
            return rendered;
        }).ToArray());
        return (bars, workers.BySeries([.. series.Select(s => s.Timeframe)]));
    }

    private static void RunLoop(List<LaneSetup> lanes, BarSeries[] bars, int[][] workersOfSeries, Worker[] workers, ITickData ticks, bool strategies)
    {
        try
        {
            if (strategies)
            {
                new StrategyTickLoop(bars, workersOfSeries, workers, [.. lanes.Select(l => (StrategyLane)l.Lane!)]).Run(ticks.Times, ticks.Bids, ticks.Asks);
            }
            else
            {
                new TickLoop(bars, workersOfSeries, workers, [.. lanes.Select(l => (DecisionLane)l.Lane!)]).Run(ticks.Times, ticks.Bids, ticks.Asks);
            }

            ticks.EnsureUnchanged();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A shared step failed (bars, a strategy loop's worker, or the data changed under the loop): every scenario still running ends with it.
            foreach (var lane in lanes)
            {
                lane.Lane!.Fail(ex);
            }
        }
    }

    private static bool Try(LaneSetup lane, Action<LaneSetup, ProcessResult> finish, Action step)
    {
        try
        {
            step();
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            finish(lane, Failure(lane, ex));
            return false;
        }
    }

    /// <summary>Times a step done once for every scenario of a pass; each records its share.</summary>
    private static T Shared<T>(List<LaneSetup> lanes, string name, Func<T> step)
    {
        var clock = Stopwatch.StartNew();
        var value = step();
        var count = lanes.Count;
        foreach (var lane in lanes)
        {
            lane.SharedStep(name, clock.Elapsed.TotalMilliseconds, count);
        }

        return value;
    }

    private static int[] BuildWorkers(LaneSetup lane, SharedWorkers workers)
    {
        var package = lane.Package;
        var built = new int[package.Workers.Count];
        for (var i = 0; i < built.Length; i++)
        {
            var spec = package.Workers[i];
            var registration = lane.Types.Worker(spec.Type);
            var timeframe = Timeframe.Parse(spec.Timeframe);
            var warmup = WarmupOf(package, timeframe);
            if (warmup.Count < spec.WarmupBars)
            {
                lane.Log.Warning($"Worker '{spec.Name}' needs {spec.WarmupBars} {timeframe} warmup bars, {warmup.Count} available (allow_short_warmup)");
            }

            // A shared worker's own log lines go to the scenario that made it.
            built[i] = workers.Get(registration, spec, warmup, () => registration.Create(
                new WorkerBuildContext(spec.Name, timeframe, ParameterSet.Resolve(registration.Info.Parameters, spec.Numbers, spec.Choices))
                {
                    Log = lane.Log.Logger.ForContext("Worker", spec.Name),
                }));
        }

        return built;
    }

    private sealed record SeriesChoice(Timeframe Timeframe, int Depth, BarColumns Warmup);

    /// <summary>
    /// The series of the pass and each scenario's: a series per timeframe a worker or the strategy reads, holding as many
    /// warmup bars as its deepest reader needs (SEMANTICS §3). Decision logics never read bars, so theirs are shared per
    /// timeframe; a strategy's bar history is what it sees, so strategies share a series only at the same depth.
    /// </summary>
    private static List<SeriesChoice> ChooseSeries(List<LaneSetup> lanes, IReadOnlyList<Worker> workers, bool strategies)
    {
        var chosen = new List<SeriesChoice>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var lane in lanes)
        {
            var specs = lane.Package.Workers;
            var own = new List<int>();
            var timeframes = lane.Workers.Select(w => workers[w].Timeframe).Concat(lane.BarNeeds.Select(b => b.Timeframe)).Distinct().OrderBy(t => t.LengthMs);
            foreach (var timeframe in timeframes)
            {
                var warmup = WarmupOf(lane.Package, timeframe);
                var strategyNeed = lane.BarNeeds.Where(b => b.Timeframe == timeframe).Select(b => b.WarmupBars).DefaultIfEmpty(0).Max();
                if (warmup.Count < strategyNeed)
                {
                    lane.Log.Warning($"The strategy needs {strategyNeed} {timeframe} warmup bars, {warmup.Count} available (allow_short_warmup)");
                }

                var workerNeed = Enumerable.Range(0, specs.Count).Where(i => workers[lane.Workers[i]].Timeframe == timeframe).Select(i => specs[i].WarmupBars).DefaultIfEmpty(0).Max();
                var depth = Math.Max(strategyNeed, workerNeed);
                var key = strategies ? string.Create(CultureInfo.InvariantCulture, $"{timeframe.Name}|{depth}|{warmup.Count}") : timeframe.Name;
                if (!byKey.TryGetValue(key, out var index))
                {
                    index = chosen.Count;
                    byKey[key] = index;
                    chosen.Add(new SeriesChoice(timeframe, depth, warmup));
                }
                else if (depth > chosen[index].Depth)
                {
                    chosen[index] = new SeriesChoice(timeframe, depth, warmup.Count > chosen[index].Warmup.Count ? warmup : chosen[index].Warmup);
                }

                own.Add(index);
            }

            lane.Series = [.. own];
        }

        return chosen;
    }

    private static BarColumns WarmupOf(ProcessDataPackage package, Timeframe timeframe) =>
        package.WarmupBars.FirstOrDefault(b => b.Timeframe == timeframe.Name)
        ?? new BarColumns { Timeframe = timeframe.Name, Starts = [], Open = [], High = [], Low = [], Close = [], TickCounts = [] };

    private static void CheckWarmupOrder(ProcessDataPackage package)
    {
        foreach (var bars in package.WarmupBars)
        {
            var timeframe = Timeframe.Parse(bars.Timeframe);
            for (var i = 0; i < bars.Count; i++)
            {
                if (bars.Starts[i] + timeframe.LengthMs > package.StartMs || (i > 0 && bars.Starts[i] <= bars.Starts[i - 1]))
                {
                    throw new InvalidOperationException($"Warmup bar {i} of {timeframe} ({UtcTime.Format(bars.Starts[i])}) is out of order or does not end before the start.");
                }
            }
        }
    }

    private static void CheckWindow(ProcessDataPackage package, ReadOnlySpan<long> times)
    {
        if (times.Length > 0 && (times[0] < package.StartMs || (package.EndMs is { } end && times[^1] >= end)))
        {
            throw new InvalidOperationException("The package's tick range lies outside the scenario window.");
        }
    }

    private static DecisionLane DecisionLaneOf(LaneSetup lane, Worker[] laneWorkers, SharedDecisions decisions, Stopwatch loopClock, CancellationToken cancellationToken)
    {
        var package = lane.Package;
        var inputs = DecisionInputs(package, laneWorkers);
        var registration = lane.Types.Decision(package.Decision.Type);
        var inputWorkers = inputs.ToDictionary(input => input.Key, input => lane.Workers[Array.IndexOf(laneWorkers, input.Value)]);
        var decision = lane.Step("decision_logic", () => decisions.Get(registration, package.Decision, inputWorkers,
            () => registration.Create(new DecisionBuildContext(lane.DecisionParameters, inputs) { Log = lane.Log.Logger })));
        var simulator = lane.Step("trade_simulator", () => new TradeSimulator(TradingRules.From(package.Account, package.SymbolSpec)));
        var executor = new SignalExecutor(simulator, package.Decision.Numbers.GetValueOrDefault("lot_size", 0.1), package.Decision.Numbers.GetValueOrDefault("min_free_margin", 0));
        var profile = package.Options.Profiling ? new LoopProfile(laneWorkers.Length, brokenDown: decision.Logic.DecidesBlocks) : null;
        lane.Trace = package.Options.TraceBars ? new BarTraceRecorder(laneWorkers, lane.Bars) : null;
        return new DecisionLane(decision, simulator, executor, lane.Workers, profile, lane.Trace, OnBlock(lane, simulator, loopClock, cancellationToken));
    }

    private static StrategyLane StrategyLaneOf(LaneSetup lane, Worker[] laneWorkers, Stopwatch loopClock, CancellationToken cancellationToken)
    {
        var package = lane.Package;
        var inputs = DecisionInputs(package, laneWorkers);
        var strategy = lane.Step("strategy", () => lane.Strategy!.Create(new DecisionBuildContext(lane.DecisionParameters, inputs) { Log = lane.Log.Logger }));
        var account = lane.Step("trade_simulator", () => new TradingApiSimulator(TradingRules.From(package.Account, package.SymbolSpec)));
        var profile = package.Options.Profiling ? new LoopProfile(laneWorkers.Length, brokenDown: false, StrategyTickLoop.ProfileEvery) : null;
        if (package.Options.TraceBars)
        {
            lane.Log.Warning($"Bar traces are recorded for decision logics only; {strategy.Name} runs without one");
        }

        var context = new TradingContext(account, lane.Bars, package.SymbolSpec.Point);
        return new StrategyLane(account, strategy, context, lane.Series, profile, OnBlock(lane, account, loopClock, cancellationToken));
    }

    private static Dictionary<string, Worker> DecisionInputs(ProcessDataPackage package, Worker[] workers) =>
        package.Decision.Inputs.ToDictionary(
            input => input.Key,
            input => workers.FirstOrDefault(w => w.Name == input.Value)
                     ?? throw new InvalidOperationException($"Decision input '{input.Key}' names worker '{input.Value}', which the package does not hold."));

    /// <summary>Step 6 of a scenario: its cancellation, its checkpoint and its throttled live update.</summary>
    private static Action<int> OnBlock(LaneSetup lane, ISimulatedAccount account, Stopwatch loopClock, CancellationToken cancellationToken)
    {
        var progress = lane.Channels.Progress;
        var cancel = lane.Channels.Cancel;
        var interval = (long)(Math.Max(0.01, lane.Package.Options.UpdateIntervalSeconds) * Stopwatch.Frequency);
        var nextUpdate = Stopwatch.GetTimestamp() + interval;
        return done =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            cancel.ThrowIfCancellationRequested();
            progress?.Checkpoint(done);
            if (progress is not null && Stopwatch.GetTimestamp() >= nextUpdate)
            {
                nextUpdate = Stopwatch.GetTimestamp() + interval;
                Report(lane, ScenarioStatus.Running, done, account.Balance, account.Equity, account.Trades.Count, lane.Exports!.Build(done, loopClock.Elapsed));
            }
        };
    }

    private static ProcessResult Completed(LaneSetup lane, Stopwatch loopClock)
    {
        var finishing = Stopwatch.StartNew();
        var package = lane.Package;
        var account = lane.Lane!.Account;
        if (lane.Channels.Progress is not null)
        {
            // The last tick always gets an update (with the exports), as the state before end-of-data closing.
            Report(lane, ScenarioStatus.Running, account.TicksProcessed, account.Balance, account.Equity, account.Trades.Count,
                lane.Exports!.Build(account.TicksProcessed, loopClock.Elapsed));
        }

        var curve = lane.Lane.FinishCurve();
        account.Finish();
        var statistics = account.Statistics();
        lane.Log.Info(string.Create(CultureInfo.InvariantCulture,
            $"Completed {statistics.TicksProcessed:N0} ticks in {lane.LoopMs:0.0} ms: {statistics.Trades} trades, net {statistics.NetProfit:0.00} {package.Account.Currency}, max drawdown {statistics.MaxDrawdown:0.00}"));
        if (statistics.OrdersRejected > 0)
        {
            lane.Log.Warning(lane.Strategy is null
                ? $"{statistics.OrdersRejected} order(s) rejected for margin"
                : $"{statistics.OrdersRejected} order(s) rejected (at submission or, for pending orders, at the fill); {statistics.RequestsRejected} other request(s) rejected, {statistics.RequestsDropped} dropped");
        }

        Report(lane, ScenarioStatus.Completed, statistics.TicksProcessed, statistics.FinalBalance, statistics.FinalEquity, (int)statistics.Trades);
        return new ProcessResult
        {
            Success = true,
            ScenarioIndex = package.ScenarioIndex,
            ScenarioName = package.ScenarioName,
            Symbol = package.Symbol,
            Statistics = statistics,
            ReportStatistics = ReportStatisticsCalculator.Compute(statistics, account.Trades, curve, package.Account.InitialBalance),
            EquityCurve = curve,
            Trades = [.. account.Trades],
            Profile = lane.Lane.Profile?.Report(statistics.TicksProcessed, [.. package.Workers.Select(w => w.Name)], lane.LoopMs),
            Log = lane.Log.Lines,
            BarTraces = lane.Trace?.Build(lane.Bars) ?? [],
            Plugins = package.Plugins,
            Timings = new RunTimings
            {
                StartupMs = lane.StartupMs,
                TickLoopMs = lane.LoopMs,
                TotalMs = lane.StartupMs + lane.LoopMs + finishing.Elapsed.TotalMilliseconds,
                StartupSteps = lane.Steps,
            },
        };
    }

    private static ProcessResult Failure(LaneSetup lane, Exception error)
    {
        var package = lane.Package;
        lane.Log.Error(error is OperationCanceledException ? "Canceled before the end of the data" : $"{error.GetType().Name}: {error.Message}");
        Report(lane, ScenarioStatus.FinishedWithError, 0, package.Account.InitialBalance, package.Account.InitialBalance, 0);
        return new ProcessResult
        {
            Success = false,
            ScenarioIndex = package.ScenarioIndex,
            ScenarioName = package.ScenarioName,
            Symbol = package.Symbol,
            Timings = new RunTimings { TotalMs = lane.StartupMs + lane.LoopMs, StartupSteps = lane.Steps },
            Log = lane.Log.Lines,
            Error = error switch
            {
                OperationCanceledException => new ErrorInfo(FailureKind.Canceled, error.Message),
                TickDataChangedException => new ErrorInfo(FailureKind.DataChanged, error.Message),
                PluginException plugin => new ErrorInfo(FailureKind.PluginFailed, $"{plugin.Message}: {plugin.Hint}"),
                _ => new ErrorInfo(FailureKind.ScenarioError, error.Message, error.ToString(), error.GetType().Name),
            },
        };
    }

    private static void Report(LaneSetup lane, ScenarioStatus status, long done, double balance, double equity, int trades, LiveExport? export = null) =>
        lane.Channels.Progress?.Report(new LiveProgress(lane.Package.ScenarioIndex, lane.Package.ScenarioName, lane.Package.Symbol, status, done,
            lane.Package.Ticks.Count, balance, equity, trades, export));
}
