using Finiex.Contracts.Live;
using Finiex.Contracts.Packages;
using Finiex.Engine.Profiling;
using Finiex.Engine.Trading;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Trading;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Loop;

/// <summary>
/// Builds the optional parts of a live update that the package switches on (portfolio statistics, performance, current
/// bars). Runs on the tick loop's thread at an update checkpoint, so it reads a consistent state; never per tick.
/// </summary>
internal sealed class LiveExportBuilder(RunOptions options, ISimulatedAccount simulator, BarSeries[] series, Worker[] workers, LoopProfile? profile)
{
    private readonly string[] _workerNames = [.. workers.Select(w => w.Name)];

    public LiveExport? Build(long ticksDone, TimeSpan loopElapsed) =>
        options.ExportsAnything
            ? new LiveExport
            {
                Portfolio = options.ExportPortfolioStats ? Portfolio() : null,
                Performance = options.ExportPerformanceStats ? Performance(ticksDone, loopElapsed) : null,
                Bars = options.ExportCurrentBars ? Bars() : null,
            }
            : null;

    private LivePortfolio Portfolio()
    {
        var net = simulator.NetPosition;
        return new LivePortfolio
        {
            Statistics = simulator.Statistics(),
            PositionSide = net is { Side: var side } ? (side == TradeSide.Long ? "long" : "short") : null,
            PositionLots = net?.Lots ?? 0,
            PositionOpenPrice = net?.OpenPrice ?? 0,
            FloatingProfit = simulator.Equity - simulator.Balance,
            OrderPending = simulator.HasPendingOrder,
        };
    }

    private LivePerformance Performance(long ticksDone, TimeSpan loopElapsed)
    {
        var values = new WorkerValues[workers.Length];
        for (var w = 0; w < workers.Length; w++)
        {
            var outputs = new double[workers[w].OutputNames.Count];
            workers[w].WriteOutputs(outputs);
            values[w] = new WorkerValues(workers[w].Name, workers[w].Timeframe.Name, workers[w].IsReady, workers[w].OutputNames, outputs);
        }

        var elapsedMs = loopElapsed.TotalMilliseconds;
        return new LivePerformance
        {
            ElapsedMs = elapsedMs,
            TicksPerSecond = elapsedMs > 0 ? ticksDone / (elapsedMs / 1000) : 0,
            Profile = profile?.Report(ticksDone, _workerNames, elapsedMs),
            Workers = values,
        };
    }

    private LiveBar[] Bars()
    {
        var bars = new LiveBar[series.Length];
        for (var s = 0; s < series.Length; s++)
        {
            var bar = series[s];
            bars[s] = new LiveBar(bar.Timeframe.Name, bar.FormingStart, bar.FormingOpen, bar.FormingHigh, bar.FormingLow, bar.FormingClose, bar.FormingTicks,
                bar.Count - bar.WarmupCount);
        }

        return bars;
    }
}
