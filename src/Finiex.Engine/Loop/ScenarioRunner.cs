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
/// Runs one scenario from its <see cref="ProcessDataPackage"/>: builds a fresh object graph (startup preparation,
/// each step timed), runs the tick loop, and returns a <see cref="ProcessResult"/>. Never throws for a failing
/// scenario: the error comes back in the result.
/// </summary>
public sealed class ScenarioRunner(StrategyCatalog catalog, Func<TickSource, ITickData> openTicks, IProgressSink? progress = null, Serilog.ILogger? liveLog = null)
{
    public ProcessResult Run(ProcessDataPackage package, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        var steps = new List<TimedStep>();
        ScenarioLog? log = null;
        var ticksTotal = package.Ticks.Count;
        Report(package, ScenarioStatus.InitProcess, 0, ticksTotal, package.Account.InitialBalance, package.Account.InitialBalance, 0);
        T Step<T>(string name, Func<T> action)
        {
            var clock = Stopwatch.StartNew();
            var value = action();
            steps.Add(new TimedStep(name, clock.Elapsed.TotalMilliseconds));
            return value;
        }

        try
        {
            log = Step("scenario_logger", () => new ScenarioLog(liveLog));
            log.Info($"Scenario {package.ScenarioIndex} '{package.ScenarioName}': {package.Symbol} from {UtcTime.Format(package.StartMs)}"
                     + $"{(package.EndMs is { } end ? $" to {UtcTime.Format(end)}" : "")}, {ticksTotal:N0} ticks");
            using var plugins = Step("plugins", () => PluginLoader.ForScenario(catalog, package.Plugins));
            var types = plugins.Catalog;
            var workers = Step("workers", () => BuildWorkers(types, package, log.Logger));
            var strategyType = types.FindStrategy(package.Decision.Type);
            var decisionParameters = DecisionParameters(package, strategyType?.Info ?? types.Decision(package.Decision.Type).Info);
            var barNeeds = strategyType?.Info.Bars(decisionParameters) ?? [];
            var (series, workersOfSeries) = Step("worker_coordinator", () => GroupByTimeframe(workers, barNeeds));
            var rules = TradingRules.From(package.Account, package.SymbolSpec);
            Step("bar_renderer", () => InjectWarmup(package, series, workers, workersOfSeries, barNeeds, log));
            using var ticks = Step("tick_source", () => OpenTicks(package));
            var inputs = DecisionInputs(package, workers);
            ISimulatedAccount simulator;
            IScenarioLoop loop;
            LoopProfile? profile;
            BarTraceRecorder? trace = null;
            if (strategyType is null)
            {
                var decision = Step("decision_logic", () => types.Decision(package.Decision.Type).Create(new DecisionBuildContext(decisionParameters, inputs) { Log = log.Logger }));
                var signalSimulator = Step("trade_simulator", () => new TradeSimulator(rules));
                var executor = new SignalExecutor(signalSimulator, package.Decision.Numbers.GetValueOrDefault("lot_size", 0.1),
                    package.Decision.Numbers.GetValueOrDefault("min_free_margin", 0));
                profile = package.Options.Profiling ? new LoopProfile(workers.Length, brokenDown: decision.DecidesBlocks) : null;
                trace = package.Options.TraceBars ? new BarTraceRecorder(workers, series) : null;
                (simulator, loop) = (signalSimulator, new TickLoop(signalSimulator, series, workersOfSeries, workers, decision, executor, profile, trace));
            }
            else
            {
                var strategy = Step("strategy", () => strategyType.Create(new DecisionBuildContext(decisionParameters, inputs) { Log = log.Logger }));
                var account = Step("trade_simulator", () => new TradingApiSimulator(rules));
                profile = package.Options.Profiling ? new LoopProfile(workers.Length, brokenDown: false, StrategyTickLoop.ProfileEvery) : null;
                if (package.Options.TraceBars)
                {
                    log.Warning($"Bar traces are recorded for decision logics only; {strategy.Name} runs without one");
                }

                var context = new TradingContext(account, series, package.SymbolSpec.Point);
                (simulator, loop) = (account, new StrategyTickLoop(account, series, workersOfSeries, workers, strategy, context, profile));
            }

            var startupMs = total.Elapsed.TotalMilliseconds;
            var exports = new LiveExportBuilder(package.Options, simulator, series, workers, profile);
            var interval = (long)(Math.Max(0.01, package.Options.UpdateIntervalSeconds) * Stopwatch.Frequency);
            var nextUpdate = Stopwatch.GetTimestamp() + interval;
            Report(package, ScenarioStatus.Running, 0, ticksTotal, simulator.Balance, simulator.Equity, 0);
            var loopClock = Stopwatch.StartNew();
            loop.Run(ticks.Times, ticks.Bids, ticks.Asks, done =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Checkpoint(done);
                if (progress is not null && Stopwatch.GetTimestamp() >= nextUpdate)
                {
                    nextUpdate = Stopwatch.GetTimestamp() + interval;
                    Report(package, ScenarioStatus.Running, done, ticksTotal, simulator.Balance, simulator.Equity, simulator.Trades.Count,
                        exports.Build(done, loopClock.Elapsed));
                }
            });
            var loopMs = loopClock.Elapsed.TotalMilliseconds;
            ticks.EnsureUnchanged();
            if (progress is not null)
            {
                // The last tick always gets an update (with the exports), as the state before end-of-data closing.
                Report(package, ScenarioStatus.Running, simulator.TicksProcessed, ticksTotal, simulator.Balance, simulator.Equity, simulator.Trades.Count,
                    exports.Build(simulator.TicksProcessed, loopClock.Elapsed));
            }

            var curve = loop.FinishCurve();
            simulator.Finish();

            var statistics = simulator.Statistics();
            log.Info(string.Create(CultureInfo.InvariantCulture,
                $"Completed {statistics.TicksProcessed:N0} ticks in {loopMs:0.0} ms: {statistics.Trades} trades, net {statistics.NetProfit:0.00} {package.Account.Currency}, max drawdown {statistics.MaxDrawdown:0.00}"));
            if (statistics.OrdersRejected > 0)
            {
                log.Warning(strategyType is null
                    ? $"{statistics.OrdersRejected} order(s) rejected for margin"
                    : $"{statistics.OrdersRejected} order(s) rejected (at submission or, for pending orders, at the fill); {statistics.RequestsRejected} other request(s) rejected, {statistics.RequestsDropped} dropped");
            }

            Report(package, ScenarioStatus.Completed, statistics.TicksProcessed, ticksTotal, statistics.FinalBalance, statistics.FinalEquity, (int)statistics.Trades);
            return new ProcessResult
            {
                Success = true,
                ScenarioIndex = package.ScenarioIndex,
                ScenarioName = package.ScenarioName,
                Symbol = package.Symbol,
                Timings = new RunTimings { StartupMs = startupMs, TickLoopMs = loopMs, TotalMs = total.Elapsed.TotalMilliseconds, StartupSteps = steps },
                Statistics = statistics,
                ReportStatistics = ReportStatisticsCalculator.Compute(statistics, simulator.Trades, curve, package.Account.InitialBalance),
                EquityCurve = curve,
                Trades = [.. simulator.Trades],
                Profile = profile?.Report(statistics.TicksProcessed, [.. workers.Select(w => w.Name)], loopMs),
                Log = log.Lines,
                BarTraces = trace?.Build(series) ?? [],
                Plugins = package.Plugins,
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            log ??= new ScenarioLog(liveLog);
            var canceled = ex is OperationCanceledException;
            log.Error(canceled ? "Canceled before the end of the data" : $"{ex.GetType().Name}: {ex.Message}");
            Report(package, ScenarioStatus.FinishedWithError, 0, ticksTotal, package.Account.InitialBalance, package.Account.InitialBalance, 0);
            return new ProcessResult
            {
                Success = false,
                ScenarioIndex = package.ScenarioIndex,
                ScenarioName = package.ScenarioName,
                Symbol = package.Symbol,
                Timings = new RunTimings { TotalMs = total.Elapsed.TotalMilliseconds, StartupSteps = steps },
                Log = log.Lines,
                Error = ex switch
                {
                    OperationCanceledException => new ErrorInfo(FailureKind.Canceled, ex.Message),
                    TickDataChangedException => new ErrorInfo(FailureKind.DataChanged, ex.Message),
                    PluginException plugin => new ErrorInfo(FailureKind.PluginFailed, $"{plugin.Message}: {plugin.Hint}"),
                    _ => new ErrorInfo(FailureKind.ScenarioError, ex.Message, ex.ToString(), ex.GetType().Name),
                },
            };
        }
    }

    private static Worker[] BuildWorkers(StrategyCatalog catalog, ProcessDataPackage package, Serilog.ILogger log) =>
        [.. package.Workers.Select(spec =>
        {
            var registration = catalog.Worker(spec.Type);
            var context = new WorkerBuildContext(spec.Name, Timeframe.Parse(spec.Timeframe), ParameterSet.Resolve(registration.Info.Parameters, spec.Numbers, spec.Choices))
            {
                Log = log.ForContext("Worker", spec.Name),
            };
            return registration.Create(context);
        })];

    private static Dictionary<string, Worker> DecisionInputs(ProcessDataPackage package, Worker[] workers) =>
        package.Decision.Inputs.ToDictionary(
            input => input.Key,
            input => workers.FirstOrDefault(w => w.Name == input.Value)
                     ?? throw new InvalidOperationException($"Decision input '{input.Key}' names worker '{input.Value}', which the package does not hold."));

    private static ParameterSet DecisionParameters(ProcessDataPackage package, DecisionTypeInfo info) =>
        ParameterSet.Resolve(info.Parameters, package.Decision.Numbers, package.Decision.Choices);

    /// <summary>A bar series per timeframe that a worker or the strategy reads, shortest first, and the workers of each.</summary>
    private static (BarSeries[] Series, int[][] WorkersOfSeries) GroupByTimeframe(Worker[] workers, IReadOnlyList<BarNeed> barNeeds)
    {
        var timeframes = workers.Select(w => w.Timeframe).Concat(barNeeds.Select(b => b.Timeframe)).Distinct().OrderBy(t => t.LengthMs).ToArray();
        var series = timeframes.Select(t => new BarSeries(t)).ToArray();
        var workersOfSeries = timeframes
            .Select(t => Enumerable.Range(0, workers.Length).Where(w => workers[w].Timeframe == t).ToArray())
            .ToArray();
        return (series, workersOfSeries);
    }

    /// <summary>
    /// Feeds each worker exactly the last W warmup bars of its timeframe (SEMANTICS §3), after checking them; each series
    /// holds as many as its deepest reader (a worker or the strategy) needs.
    /// </summary>
    private static bool InjectWarmup(ProcessDataPackage package, BarSeries[] series, Worker[] workers, int[][] workersOfSeries, IReadOnlyList<BarNeed> barNeeds,
        ScenarioLog log)
    {
        var warmupByTimeframe = package.WarmupBars.ToDictionary(b => b.Timeframe, StringComparer.Ordinal);
        var needByWorker = package.Workers.ToDictionary(w => w.Name, w => w.WarmupBars, StringComparer.Ordinal);
        for (var s = 0; s < series.Length; s++)
        {
            var timeframe = series[s].Timeframe;
            var bars = warmupByTimeframe.GetValueOrDefault(timeframe.Name)
                       ?? new BarColumns { Timeframe = timeframe.Name, Starts = [], Open = [], High = [], Low = [], Close = [], TickCounts = [] };
            for (var i = 0; i < bars.Count; i++)
            {
                if (bars.Starts[i] + timeframe.LengthMs > package.StartMs || (i > 0 && bars.Starts[i] <= bars.Starts[i - 1]))
                {
                    throw new InvalidOperationException($"Warmup bar {i} of {timeframe} ({UtcTime.Format(bars.Starts[i])}) is out of order or does not end before the start.");
                }
            }

            var strategyNeed = barNeeds.Where(b => b.Timeframe == timeframe).Select(b => b.WarmupBars).DefaultIfEmpty(0).Max();
            var deepest = Math.Max(strategyNeed, workersOfSeries[s].Select(w => needByWorker[workers[w].Name]).DefaultIfEmpty(0).Max());
            series[s].AddWarmup(bars, deepest);
            if (bars.Count < strategyNeed)
            {
                log.Warning($"The strategy needs {strategyNeed} {timeframe} warmup bars, {bars.Count} available (allow_short_warmup)");
            }

            foreach (var w in workersOfSeries[s])
            {
                var need = needByWorker[workers[w].Name];
                if (bars.Count < need)
                {
                    log.Warning($"Worker '{workers[w].Name}' needs {need} {timeframe} warmup bars, {bars.Count} available (allow_short_warmup)");
                }

                var closes = bars.Close;
                for (var i = Math.Max(0, bars.Count - need); i < bars.Count; i++)
                {
                    workers[w].CommitClose(closes[i]);
                }
            }
        }

        return true;
    }

    private ITickData OpenTicks(ProcessDataPackage package)
    {
        var ticks = openTicks(package.Ticks);
        var times = ticks.Times;
        if (times.Length > 0 && (times[0] < package.StartMs || (package.EndMs is { } end && times[^1] >= end)))
        {
            ticks.Dispose();
            throw new InvalidOperationException("The package's tick range lies outside the scenario window.");
        }

        return ticks;
    }

    private void Report(ProcessDataPackage package, ScenarioStatus status, long done, long total, double balance, double equity, int trades, LiveExport? export = null) =>
        progress?.Report(new LiveProgress(package.ScenarioIndex, package.ScenarioName, package.Symbol, status, done, total, balance, equity, trades, export));
}
