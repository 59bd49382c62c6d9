using System.Globalization;
using Finiex.Core.Symbols;
using Finiex.Core.Ticks;
using Finiex.Data.Brokers;
using Finiex.Data.Store;
using Finiex.Sdk.Time;

namespace Finiex.Scenarios.Validation;

/// <summary>
/// Checks a bound scenario against its broker export and the tick store: symbol, data in the window,
/// warmup history, lot size on the volume grid, and currency conversion (SEMANTICS §3, §6, §7).
/// </summary>
internal sealed class DataChecks(TickStore store) : IDisposable
{
    private readonly Dictionary<string, TickFile?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fileProblems = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks what can be checked of a scenario, even one whose strategy or account did not bind (validation reports all
    /// at once). Returns the number of ticks in its window, null when its symbol cannot be read.
    /// </summary>
    public long? Check(DataCheckSubject scenario, ScenarioPaths paths, List<ValidationProblem> problems)
    {
        var symbol = scenario.Account is null ? null : CheckBroker(scenario, paths, problems);
        var ticks = CheckTicks(scenario, paths, problems);
        if (symbol is not null)
        {
            CheckConversion(scenario, symbol, paths, problems);
        }

        return ticks;
    }

    public void Dispose()
    {
        foreach (var file in _files.Values)
        {
            file?.Dispose();
        }
    }

    private static SymbolSpec? CheckBroker(DataCheckSubject scenario, ScenarioPaths paths, List<ValidationProblem> problems)
    {
        BrokerSpec broker;
        try
        {
            broker = BrokerSpecLoader.LoadCached(scenario.Account!.BrokerFile);
        }
        catch (BrokerSpecException ex)
        {
            problems.Add(ValidationProblem.Error(paths.Broker, ex.Message, "point account.broker at a MetaTrader 5 broker export (see configs/brokers/)"));
            return null;
        }

        if (broker.StopOutLevel is null)
        {
            problems.Add(ValidationProblem.Warning(paths.Broker, $"broker file {scenario.Account.BrokerFile} gives no stop-out level: stop-out is off, and a losing account may go below zero",
                "add broker_info.stopout_mode (percent or money) and stopout_level from the broker's MT5 account to simulate it"));
        }

        var symbol = broker.FindSymbol(scenario.Symbol);
        if (symbol is null)
        {
            var reason = broker.UnusableSymbols.GetValueOrDefault(scenario.Symbol);
            problems.Add(ValidationProblem.Error(paths.Symbol,
                reason is null ? $"symbol '{scenario.Symbol}' is not in broker file {scenario.Account.BrokerFile}" : $"symbol '{scenario.Symbol}' is unusable in the broker file: {reason}",
                reason is null ? Loading.KeySuggester.HintFor(scenario.Symbol, [.. broker.Symbols.Keys.Take(2000)]) : "fix the broker export"));
            return null;
        }

        if (!symbol.TradeAllowed)
        {
            problems.Add(ValidationProblem.Warning(paths.Symbol, $"the broker marks '{scenario.Symbol}' as not tradable", "results may not match a live account"));
        }

        if (scenario.Strategy?.Decision is { Hedges: true } hedging && broker.MarginMode.Contains("netting", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(ValidationProblem.Error(paths.DecisionType,
                $"{hedging.Type} hedges (holds long and short positions at once), but the broker's margin_mode is {broker.MarginMode}",
                "use a broker export with margin_mode retail_hedging, or a strategy that does not hedge"));
        }

        var lots = scenario.Strategy?.Decision.Parameters.Numbers.GetValueOrDefault("lot_size", 0.1);
        if (lots is { } l && !symbol.IsOnVolumeGrid(l))
        {
            problems.Add(ValidationProblem.Error(paths.LotSize,
                string.Create(CultureInfo.InvariantCulture, $"lot size {l} is off the broker's volume grid for {symbol.Name}: [{symbol.VolumeMin}, {symbol.VolumeMax}] in steps of {symbol.VolumeStep}"),
                string.Create(CultureInfo.InvariantCulture, $"use a multiple of {symbol.VolumeStep} between {symbol.VolumeMin} and {symbol.VolumeMax}")));
        }

        return symbol;
    }

    private long? CheckTicks(DataCheckSubject scenario, ScenarioPaths paths, List<ValidationProblem> problems)
    {
        var file = Open(scenario.Symbol, out var problem);
        if (file is null)
        {
            problems.Add(ValidationProblem.Error(paths.Symbol, problem!, $"import it: finiex data import --format ... --symbol {scenario.Symbol} --store {store.Root} PATH"));
            return null;
        }

        var times = file.Times(0, file.Count);
        var start = TickTimes.LowerBound(times, scenario.StartMs);
        var end = scenario.EndMs is { } endMs ? TickTimes.LowerBound(times, endMs) : times.Length;
        if (end <= start)
        {
            problems.Add(ValidationProblem.Error(paths.Start,
                $"no {scenario.Symbol} ticks in [{UtcTime.Format(scenario.StartMs)}, {(scenario.EndMs is { } e ? UtcTime.Format(e) : "end of data")})",
                $"the store holds {scenario.Symbol} from {UtcTime.Format(file.FirstTime)} to {UtcTime.Format(file.LastTime)} (finiex data list)"));
        }

        if (scenario.AllowShortWarmup || scenario.Strategy is null)
        {
            return Math.Max(0, end - start);
        }

        // Every reader of bars — each worker and the strategy itself — with where to point and what to lower.
        var readers = scenario.Strategy.Workers
            .Select(w => (Reader: $"worker '{w.Name}'", w.Timeframe, Bars: w.WarmupBars, Path: paths.Workers.GetValueOrDefault(w.Name, paths.Start), Lower: "warmup_bars"))
            .Concat(scenario.Strategy.Decision.Bars
                .Select(b => (Reader: scenario.Strategy.Decision.Type, b.Timeframe, Bars: b.WarmupBars, Path: paths.DecisionType, Lower: "the strategy's lookback")));
        foreach (var (reader, timeframe, bars, path, lower) in readers)
        {
            var found = WarmupCounter.CountBarsBefore(times, scenario.StartMs, timeframe, bars);
            if (found < bars)
            {
                problems.Add(ValidationProblem.Error(path,
                    $"not enough warmup history for {reader}: {scenario.Symbol} {timeframe} needs {bars} bars before {UtcTime.Format(scenario.StartMs)}, found {found}",
                    $"start later, import earlier data, lower {lower}, or set allow_short_warmup on the scenario"));
            }
        }

        return Math.Max(0, end - start);
    }

    private void CheckConversion(DataCheckSubject scenario, SymbolSpec symbol, ScenarioPaths paths, List<ValidationProblem> problems)
    {
        var account = scenario.Account!.Currency;
        foreach (var (currency, purpose) in new[] { (symbol.QuoteCurrency, "profit"), (symbol.BaseCurrency, "margin") })
        {
            if (currency == account || (purpose == "profit" && symbol.BaseCurrency == account) || (purpose == "margin" && symbol.QuoteCurrency == account))
            {
                continue;
            }

            var via = store.Contains(account + currency) ? account + currency : store.Contains(currency + account) ? currency + account : null;
            problems.Add(via is null
                ? ValidationProblem.Error(paths.Currency,
                    $"no conversion from {currency} to the account currency {account} for {scenario.Symbol} {purpose}: neither {account}{currency} nor {currency}{account} is in the store",
                    $"use an account in {symbol.QuoteCurrency} or {symbol.BaseCurrency}, or import {currency}{account} ticks")
                : ValidationProblem.Error(paths.Currency,
                    $"{scenario.Symbol} {purpose} in {account} needs conversion through {via}, which the engine does not support yet",
                    $"use an account in {symbol.QuoteCurrency} or {symbol.BaseCurrency}"));
        }
    }

    private TickFile? Open(string symbol, out string? problem)
    {
        if (!_files.TryGetValue(symbol, out var file))
        {
            try
            {
                if (!store.Exists)
                {
                    _fileProblems[symbol] = $"there is no tick store at {store.Root} (give it with --store DIR or FINIEX_STORE)";
                }
                else if (!store.Contains(symbol))
                {
                    _fileProblems[symbol] = $"symbol '{symbol}' has no ticks in the store {store.Root}";
                }
                else
                {
                    file = store.OpenTicks(symbol);
                    file.VerifyAll();
                }
            }
            catch (StoreCorruptException ex)
            {
                file?.Dispose();
                file = null;
                _fileProblems[symbol] = ex.Message;
            }

            _files[symbol] = file;
        }

        problem = _fileProblems.GetValueOrDefault(symbol);
        return file;
    }
}
