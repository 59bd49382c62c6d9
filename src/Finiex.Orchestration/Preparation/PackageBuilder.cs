using Finiex.Contracts.Packages;
using Finiex.Core.Scenarios;
using Finiex.Core.Symbols;
using Finiex.Core.Ticks;
using Finiex.Data.Brokers;
using Finiex.Data.Store;
using Finiex.Engine.Bars;

namespace Finiex.Orchestration.Preparation;

/// <summary>
/// Data preparation for a batch: for each scenario, its tick range in the store, its warmup bars built from the
/// ticks before the start (SEMANTICS §3), its symbol spec, and the configuration, as one immutable package.
/// Opens each symbol's tick file once per batch.
/// </summary>
public sealed class PackageBuilder(TickStore store, RunOptions options) : IDisposable
{
    private readonly Dictionary<string, TickFile> _files = new(StringComparer.Ordinal);

    public ProcessDataPackage Build(string setName, ScenarioConfig scenario)
    {
        var broker = BrokerSpecLoader.LoadCached(scenario.Account.BrokerFile);
        var symbol = broker.FindSymbol(scenario.Symbol)
                     ?? throw new InvalidOperationException($"Symbol {scenario.Symbol} is not in broker file {scenario.Account.BrokerFile}.");
        var file = Open(scenario.Symbol);
        var times = file.Times(0, file.Count);
        var start = TickTimes.LowerBound(times, scenario.StartMs);
        var end = scenario.EndMs is { } endMs ? TickTimes.LowerBound(times, endMs) : times.Length;
        if (scenario.MaxTicks is { } max)
        {
            end = (int)Math.Min(end, start + max);
        }

        return new ProcessDataPackage
        {
            ScenarioIndex = scenario.Index,
            ScenarioName = scenario.Name,
            SetName = setName,
            Symbol = scenario.Symbol,
            StartMs = scenario.StartMs,
            EndMs = scenario.EndMs,
            MaxTicks = scenario.MaxTicks,
            Workers = [.. scenario.Strategy.Workers.Select(w => new WorkerSpec
            {
                Name = w.Name,
                Type = w.Type,
                Timeframe = w.Timeframe.Name,
                Numbers = w.Parameters.Numbers,
                Choices = w.Parameters.Choices,
                WarmupBars = w.WarmupBars,
            })],
            Decision = new DecisionSpec
            {
                Type = scenario.Strategy.Decision.Type,
                Inputs = scenario.Strategy.Decision.Inputs,
                Numbers = scenario.Strategy.Decision.Parameters.Numbers,
                Choices = scenario.Strategy.Decision.Parameters.Choices,
            },
            Account = ToAccount(scenario.Account, broker),
            SymbolSpec = ToContract(symbol),
            WarmupBars = BuildWarmup(scenario, file),
            Ticks = new TickSource { TickFilePath = file.Path, StartIndex = start, EndIndex = end, ExpectedFileTicks = file.Count, ExpectedFileFingerprint = file.Fingerprint() },
            Options = options with
            {
                UpdateIntervalSeconds = scenario.Execution.UpdateIntervalSeconds,
                ExportPortfolioStats = scenario.Execution.Exports.HasFlag(LiveExports.PortfolioStats),
                ExportPerformanceStats = scenario.Execution.Exports.HasFlag(LiveExports.PerformanceStats),
                ExportCurrentBars = scenario.Execution.Exports.HasFlag(LiveExports.CurrentBars),
            },
        };
    }

    public void Dispose()
    {
        foreach (var file in _files.Values)
        {
            file.Dispose();
        }
    }

    private static List<BarColumns> BuildWarmup(ScenarioConfig scenario, TickFile file)
    {
        var times = file.Times(0, file.Count);
        var result = new List<BarColumns>();
        var needs = scenario.Strategy.Workers.Select(w => (w.Timeframe, w.WarmupBars))
            .Concat(scenario.Strategy.Decision.Bars.Select(b => (b.Timeframe, b.WarmupBars)));
        foreach (var group in needs.GroupBy(n => n.Timeframe))
        {
            var needed = group.Max(n => n.WarmupBars);
            var (first, end, _) = TickTimes.WarmupRange(times, scenario.StartMs, group.Key, needed);
            result.Add(BarBuilder.Build(group.Key, times[first..end], file.Bids(first, end), file.Asks(first, end), includeLast: true));
        }

        return result;
    }

    private static AccountSpec ToAccount(AccountConfig account, BrokerSpec broker) => new()
    {
        InitialBalance = account.InitialBalance,
        Currency = account.Currency,
        Leverage = broker.Leverage,
        CommissionPerLot = account.CommissionPerLot,
        LatencyMinTicks = account.LatencyMinTicks,
        LatencyMaxTicks = account.LatencyMaxTicks,
        LatencySeed = account.LatencySeed,
        ApplySwap = account.ApplySwap,
        StopLossPoints = account.StopLossPoints,
        TakeProfitPoints = account.TakeProfitPoints,
        StopOutMode = broker.StopOutLevel is null ? StopOutMode.Off
            : broker.StopOutMode.Contains("money", StringComparison.OrdinalIgnoreCase) ? StopOutMode.Money : StopOutMode.Percent,
        StopOutLevel = broker.StopOutLevel ?? 0,
    };

    private static SymbolContract ToContract(SymbolSpec symbol) => new()
    {
        Name = symbol.Name,
        BaseCurrency = symbol.BaseCurrency,
        QuoteCurrency = symbol.QuoteCurrency,
        ContractSize = symbol.ContractSize,
        Digits = symbol.Digits,
        Point = symbol.Point,
        VolumeMin = symbol.VolumeMin,
        VolumeMax = symbol.VolumeMax,
        VolumeStep = symbol.VolumeStep,
        SwapLong = symbol.SwapLong,
        SwapShort = symbol.SwapShort,
        SwapRollover3Days = symbol.SwapRollover3Days,
        StopsLevel = symbol.StopsLevel,
    };

    private TickFile Open(string symbol)
    {
        if (!_files.TryGetValue(symbol, out var file))
        {
            file = store.OpenTicks(symbol);
            _files[symbol] = file;
        }

        return file;
    }
}
