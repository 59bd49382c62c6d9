using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Finiex.Core.Scenarios;
using Finiex.Core.Strategy;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Time;

namespace Finiex.Scenarios.Loading;

/// <summary>Turns a merged strategy/account/execution tree into immutable records, reporting every problem.</summary>
internal sealed class ScenarioBinder(IStrategyCatalog catalog, string setDirectory)
{
    public StrategyConfig? BindStrategy(ObjectReader config)
    {
        var strategy = config.Object("strategy", true, "give defaults.strategy with workers and a decision");
        if (strategy is null)
        {
            return null;
        }

        strategy.RejectUnknownKeys(ConfigKeys.Strategy, "strategy");
        // A strategy that reads bars only (no worker inputs) may have no workers.
        var needsWorkers = PeekDecisionType(strategy.Node)?.Inputs.Length != 0;
        var workersReader = strategy.Object("workers", needsWorkers, "name each worker: \"workers\": {\"rsi_fast\": {\"type\": \"rsi\", \"timeframe\": \"M5\"}}");
        var workers = new List<WorkerConfig>();
        var workerTypes = new Dictionary<string, WorkerTypeInfo>(StringComparer.Ordinal);
        var workersOk = workersReader is not null || (!needsWorkers && !strategy.Has("workers"));
        if (workersReader is not null)
        {
            if (workersReader.Node.Count == 0 && needsWorkers)
            {
                strategy.Error("workers", "a strategy needs at least one worker", "add a worker such as {\"type\": \"rsi\", \"timeframe\": \"M5\"}");
                workersOk = false;
            }

            foreach (var (name, _) in workersReader.Node)
            {
                var worker = workersReader.Object(name, true, "a worker is an object with type, timeframe and params");
                var bound = worker is null ? null : BindWorker(name, worker, workerTypes);
                if (bound is null)
                {
                    workersOk = false;
                }
                else
                {
                    workers.Add(bound);
                }
            }
        }

        var decisionReader = strategy.Object("decision", true, "e.g. \"decision\": {\"type\": \"aggressive_trend\", \"inputs\": {\"rsi\": \"rsi_fast\", \"band\": \"band\"}}");
        var decision = decisionReader is null ? null : BindDecision(decisionReader, workerTypes, workersReader?.Node);
        return workersOk && decision is not null ? new StrategyConfig([.. workers], decision) : null;
    }

    /// <summary>The account's SL/TP are the decision logics' rules (§6); a strategy trading through the API sets its own (§10).</summary>
    public void CheckAccountStops(ObjectReader config)
    {
        // By the type's name, so that the problem shows even while the strategy's parameters have problems of their own.
        if (PeekDecisionType(config.Node["strategy"]) is not { Style: TradingStyle.TradingApi } type || config.Object("account", false, "") is not { } account)
        {
            return;
        }

        foreach (var key in (string[])["stop_loss_points", "take_profit_points"])
        {
            if (account.Has(key))
            {
                config.Problems.Add(Validation.ValidationProblem.Error(account.PathOf(key),
                    $"account.{key} applies to decision logics; {type.TypeName} trades through the trading API and places its own stops",
                    $"remove account.{key} and set strategy.decision.params.{key} instead"));
            }
        }
    }

    /// <summary>The decision type a strategy object names, read before it is bound; null when it names none the catalog knows.</summary>
    private DecisionTypeInfo? PeekDecisionType(JsonNode? strategy) =>
        (strategy as JsonObject)?["decision"] is JsonObject decision && decision["type"] is JsonValue type && type.TryGetValue(out string? name)
            ? catalog.FindDecision(name)
            : null;

    public AccountConfig? BindAccount(ObjectReader config)
    {
        var account = config.Object("account", true, "give defaults.account with initial_balance, currency and broker");
        if (account is null)
        {
            return null;
        }

        account.RejectUnknownKeys(ConfigKeys.Account, "account");
        var balance = account.Number("initial_balance", true, "the starting balance in account currency, e.g. 10000",
            v => v <= 0 ? "must be > 0" : v > MaxInitialBalance ? $"must be at most {MaxInitialBalance:0.#e0}: above that a cent no longer changes the balance (doubles carry ~15 digits)" : null);
        var currency = account.String("currency", true, "a 3-letter ISO code such as \"USD\"");
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            account.Error("currency", $"'{currency}' is not a 3-letter upper-case currency code", "e.g. \"USD\" or \"EUR\"");
            currency = null;
        }

        var broker = account.String("broker", true, "path of a MetaTrader 5 broker export, relative to the set file, e.g. \"../brokers/vantage_demo.json\"");
        var commission = account.Number("commission_per_lot", false, "per lot and side in account currency", v => v >= 0 ? null : "must be ≥ 0");
        var stopLoss = account.Number("stop_loss_points", false, "in the symbol's points, from the fill price; omit for none", v => v > 0 ? null : "must be > 0");
        var takeProfit = account.Number("take_profit_points", false, "in the symbol's points, from the fill price; omit for none", v => v > 0 ? null : "must be > 0");
        var seed = account.Integer("latency_seed", false, "any whole number ≥ 0 (SplitMix64 seed)", 0, long.MaxValue);
        var applySwap = account.Bool("apply_swap", "true or false");
        long latencyMin = 1, latencyMax = 1;
        var latencyOk = true;
        if (account.Object("latency_ticks", false, "e.g. {\"min\": 1, \"max\": 3}") is { } latency)
        {
            latency.RejectUnknownKeys(ConfigKeys.Latency, "latency_ticks");
            var min = latency.Integer("min", false, "ticks between submit and fill, ≥ 1", 1, 1_000_000);
            var max = latency.Integer("max", false, "≥ min", 1, 1_000_000);
            latencyOk = (latency.Has("min") ? min is not null : true) && (latency.Has("max") ? max is not null : true);
            latencyMin = min ?? 1;
            latencyMax = max ?? latencyMin;
            if (latencyOk && latencyMax < latencyMin)
            {
                latency.Error("max", $"latency_ticks.max ({latencyMax}) is below min ({latencyMin})", "set max ≥ min, or omit max for a fixed latency");
                latencyOk = false;
            }
        }
        else if (account.Has("latency_ticks"))
        {
            latencyOk = false;
        }

        if (balance is null || currency is null || broker is null || !latencyOk
            || (account.Has("commission_per_lot") && commission is null)
            || (account.Has("stop_loss_points") && stopLoss is null)
            || (account.Has("take_profit_points") && takeProfit is null)
            || (account.Has("latency_seed") && seed is null)
            || (account.Has("apply_swap") && applySwap is null))
        {
            return null;
        }

        return new AccountConfig
        {
            InitialBalance = balance.Value,
            Currency = currency,
            BrokerFile = Path.GetFullPath(Path.Combine(setDirectory, broker)),
            CommissionPerLot = commission ?? 0,
            LatencyMinTicks = (int)latencyMin,
            LatencyMaxTicks = (int)latencyMax,
            LatencySeed = (ulong)(seed ?? 42),
            ApplySwap = applySwap ?? true,
            StopLossPoints = stopLoss,
            TakeProfitPoints = takeProfit,
        };
    }

    public static ExecutionConfig? BindExecution(ObjectReader config)
    {
        var execution = config.Object("execution", false, "e.g. {\"mode\": \"auto\", \"parallelism\": 0}");
        if (execution is null)
        {
            return config.Has("execution") ? null : ExecutionConfig.Default;
        }

        execution.RejectUnknownKeys(ConfigKeys.Execution, "execution");
        var modeText = execution.String("mode", false, "auto, sequential, threads or processes");
        ExecutionMode? mode = ExecutionMode.Auto;
        if (modeText is not null)
        {
            mode = Enum.TryParse<ExecutionMode>(modeText, ignoreCase: true, out var parsed) && !char.IsDigit(modeText[0]) ? parsed : null;
            if (mode is null)
            {
                execution.Error("mode", $"unknown execution mode '{modeText}'", "use auto, sequential, threads or processes");
            }
        }

        var parallelism = execution.Integer("parallelism", false, "0 = one per core", 0, 1024);
        var interval = execution.Number("update_interval", false, "seconds between live updates, e.g. 0.3", v => v > 0 ? null : "must be > 0");
        var exports = LiveExports.None;
        var exportsValid = true;
        foreach (var (key, flag) in new[]
                 {
                     ("export_portfolio_stats", LiveExports.PortfolioStats), ("export_performance_stats", LiveExports.PerformanceStats),
                     ("export_current_bars", LiveExports.CurrentBars),
                 })
        {
            var on = execution.Bool(key, "true adds it to every live update (costs a little at each update, nothing per tick)");
            exportsValid &= !execution.Has(key) || on is not null;
            exports |= on == true ? flag : LiveExports.None;
        }

        if (mode is null || (execution.Has("parallelism") && parallelism is null) || (execution.Has("update_interval") && interval is null)
            || (execution.Has("mode") && modeText is null) || !exportsValid)
        {
            return null;
        }

        return new ExecutionConfig(mode.Value, (int)(parallelism ?? 0), interval ?? 0.3, exports);
    }

    private WorkerConfig? BindWorker(string name, ObjectReader worker, Dictionary<string, WorkerTypeInfo> types)
    {
        worker.RejectUnknownKeys(ConfigKeys.Worker, $"worker '{name}'");
        var typeName = worker.String("type", true, $"one of {string.Join(", ", catalog.WorkerTypes.Select(t => t.TypeName))}");
        var timeframeText = worker.String("timeframe", true, "M1, M5, M15, M30, H1, H4 or D1");
        WorkerTypeInfo? type = null;
        if (typeName is not null)
        {
            type = catalog.FindWorker(typeName);
            if (type is null)
            {
                worker.Error("type", $"unknown worker type '{typeName}'", KeySuggester.HintFor(typeName, [.. catalog.WorkerTypes.Select(t => t.TypeName)]));
            }
        }

        Timeframe? timeframe = null;
        if (timeframeText is not null && !Timeframe.TryParse(timeframeText, out timeframe))
        {
            worker.Error("timeframe", $"unknown timeframe '{timeframeText}'", "use M1, M5, M15, M30, H1, H4 or D1");
        }

        if (type is null)
        {
            return null;
        }

        types[name] = type;
        var parameters = BindParameters(worker, type.Parameters, $"worker '{name}' ({type.TypeName})");
        var warmup = worker.Integer("warmup_bars", false, "closed bars fed before the start; omit for the worker's default", 0, 1_000_000);
        if (parameters is null || timeframe is null || (worker.Has("warmup_bars") && warmup is null))
        {
            return null;
        }

        if (warmup is { } given && type.ClosesToBeReady?.Invoke(parameters) is { } needed && given + 1 < needed)
        {
            // At the first tick the worker sees its warmup bars' closes plus the forming bar's.
            worker.Warning("warmup_bars",
                $"worker '{name}' ({type.TypeName}) needs {needed} closes for a value, but warmup_bars {given} gives it {given + 1} at the start: it has no value (no signal) for the first {needed - given - 1} {timeframe} bar(s) of the scenario",
                $"raise warmup_bars to at least {needed - 1}, or omit it for the default ({type.DefaultWarmupBars(parameters)})");
        }

        return new WorkerConfig(name, type.TypeName, timeframe, parameters, (int)(warmup ?? type.DefaultWarmupBars(parameters)));
    }

    /// <summary>
    /// The largest balance whose cents still count: a double holds ~15.9 significant digits, so at 1e13 a cent is still
    /// about 100 units of the last place, and P&amp;L of a pip on a micro lot is not lost in rounding.
    /// </summary>
    public const double MaxInitialBalance = 1e13;

    private DecisionConfig? BindDecision(ObjectReader decision, Dictionary<string, WorkerTypeInfo> workerTypes, JsonObject? workers)
    {
        decision.RejectUnknownKeys(ConfigKeys.Decision, "decision");
        var typeName = decision.String("type", true, $"one of {string.Join(", ", catalog.DecisionTypes.Select(t => t.TypeName))}");
        if (typeName is null)
        {
            return null;
        }

        var type = catalog.FindDecision(typeName);
        if (type is null)
        {
            decision.Error("type", $"unknown decision logic or strategy '{typeName}'", KeySuggester.HintFor(typeName, [.. catalog.DecisionTypes.Select(t => t.TypeName)]));
            return null;
        }

        var inputs = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var inputsOk = true;
        var inputsReader = decision.Object("inputs", type.Inputs.Length > 0,
            $"name the worker for each input: {{{string.Join(", ", type.Inputs.Select(i => $"\"{i.Name}\": \"<worker>\""))}}}");
        if (inputsReader is null)
        {
            inputsOk = type.Inputs.Length == 0 && !decision.Has("inputs");
        }
        else
        {
            inputsReader.RejectUnknownKeys([.. type.Inputs.Select(i => i.Name)], $"inputs of {type.TypeName}");
            foreach (var input in type.Inputs)
            {
                var workerName = inputsReader.String(input.Name, true, $"the name of {input.Description}");
                if (workerName is null)
                {
                    inputsOk = false;
                    continue;
                }

                if (workers is null || !workers.ContainsKey(workerName))
                {
                    inputsReader.Error(input.Name, $"input '{input.Name}' names worker '{workerName}', which is not defined",
                        workers is null ? "define it under strategy.workers" : KeySuggester.HintFor(workerName, [.. workers.Select(w => w.Key)]));
                    inputsOk = false;
                }
                else if (workerTypes.TryGetValue(workerName, out var workerType) && workerType.Output != input.Expects)
                {
                    inputsReader.Error(input.Name, $"input '{input.Name}' needs {input.Description}, but '{workerName}' is a {workerType.TypeName} worker",
                        $"point it at a worker of type {string.Join(" or ", catalog.WorkerTypes.Where(t => t.Output == input.Expects).Select(t => t.TypeName))}");
                    inputsOk = false;
                }
                else
                {
                    inputs[input.Name] = workerName;
                }
            }
        }

        var parameters = BindParameters(decision, type.Parameters, $"decision logic {type.TypeName}");
        if (parameters is not null)
        {
            CheckThresholdOrder(decision, parameters);
        }

        return inputsOk && parameters is not null
            ? new DecisionConfig(type.TypeName, inputs.ToImmutable(), parameters) { Style = type.Style, Hedges = type.Hedges, Bars = type.Bars(parameters) }
            : null;
    }

    private static void CheckThresholdOrder(ObjectReader decision, ParameterSet parameters)
    {
        foreach (var (low, high) in new[] { ("rsi_buy", "rsi_sell"), ("rsi_low", "rsi_high"), ("band_low", "band_high") })
        {
            if (parameters.Numbers.TryGetValue(low, out var lowValue) && parameters.Numbers.TryGetValue(high, out var highValue) && lowValue >= highValue)
            {
                decision.Problems.Add(Validation.ValidationProblem.Error(JsonPath.Property(decision.PathOf("params"), low),
                    $"{low} ({lowValue}) must be below {high} ({highValue})", "the buy threshold sits below the sell threshold"));
            }
        }

        foreach (var high in new[] { "rsi_sell", "rsi_high" })
        {
            if (parameters.Numbers.TryGetValue(high, out var value) && value >= 100)
            {
                decision.Problems.Add(Validation.ValidationProblem.Error(JsonPath.Property(decision.PathOf("params"), high),
                    $"{high} must be below 100 (got {value})", "RSI never exceeds 100, so the signal could never fire"));
            }
        }

        foreach (var high in new[] { "band_high" })
        {
            if (parameters.Numbers.TryGetValue(high, out var value) && value >= 1)
            {
                decision.Problems.Add(Validation.ValidationProblem.Error(JsonPath.Property(decision.PathOf("params"), high),
                    $"{high} must be below 1 (got {value})", "the band position is clamped to [0, 1]"));
            }
        }
    }

    private static ParameterSet? BindParameters(ObjectReader owner, IReadOnlyList<ParameterSpec> specs, string what)
    {
        var set = ParameterSet.Empty;
        foreach (var spec in specs)
        {
            set = spec.Kind == ParameterKind.Choice ? set.With(spec.Name, spec.DefaultChoice!) : set.With(spec.Name, spec.DefaultNumber!.Value);
        }

        var reader = owner.Object("params", false, $"parameters of {what}: {string.Join(", ", specs.Select(s => s.Name))}");
        if (reader is null)
        {
            return owner.Has("params") ? null : set;
        }

        var ok = true;
        var known = specs.Select(s => s.Name).ToList();
        foreach (var (key, value) in reader.Node)
        {
            var spec = specs.FirstOrDefault(s => s.Name == key);
            if (spec is null)
            {
                reader.Error(key, $"unknown parameter '{key}' for {what}", KeySuggester.HintFor(key, known));
                ok = false;
                continue;
            }

            var hint = $"{spec.Name}: {spec.RangeText}{(spec.Description.Length > 0 ? $" ({spec.Description})" : "")}";
            if (spec.Kind == ParameterKind.Choice)
            {
                if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && spec.Choices.Contains(v.GetValue<string>()))
                {
                    set = set.With(key, v.GetValue<string>());
                }
                else
                {
                    reader.Error(key, $"'{key}' cannot be {ObjectReader.Describe(value)}", hint);
                    ok = false;
                }
            }
            else if (value is JsonValue n && n.GetValueKind() == JsonValueKind.Number && spec.CheckNumber(n.GetValue<double>()) is null)
            {
                set = set.With(key, n.GetValue<double>());
            }
            else
            {
                var problem = value is JsonValue n2 && n2.GetValueKind() == JsonValueKind.Number ? spec.CheckNumber(n2.GetValue<double>()) : "must be a number";
                reader.Error(key, $"'{key}' {problem} (got {ObjectReader.Describe(value)})", hint);
                ok = false;
            }
        }

        return ok ? set : null;
    }
}
