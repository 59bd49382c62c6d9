using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Finiex.Core.Scenarios;
using Finiex.Core.Strategy;
using Finiex.Data.Store;
using Finiex.Scenarios.Loading;
using Finiex.Scenarios.Validation;
using Finiex.Sdk.Time;

namespace Finiex.Scenarios;

/// <summary>
/// Loads a scenario set file, merges defaults and overrides, expands grids, and validates everything it can:
/// the configuration itself, and (with a store) symbols, data windows, warmup history, lot sizes and currencies.
/// Every problem is reported with its JSON path; nothing throws for bad input. Plug-in assemblies the set names
/// (<c>plugins</c>, relative to the set) and <paramref name="extraPlugins"/> (from <c>--plugin</c>) are loaded first,
/// and their types validated against like the built-in ones.
/// </summary>
public sealed partial class ScenarioSetLoader(IStrategyCatalog catalog, TickStore? store, IReadOnlyList<string>? extraPlugins = null)
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false, // a key given twice is an error with its path, not a silent "last one wins"
    };

    /// <summary>Sets larger than this are refused before parsing (a real set, grids included, is a few KB).</summary>
    public const long MaxSetFileBytes = 16 * 1024 * 1024;

    /// <summary>Scenarios a set may expand to, grids included: beyond it validation alone would take minutes.</summary>
    public const int MaxScenarios = 100_000;

    public ScenarioSetReport Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var setProblems = new List<ValidationProblem>();
        ScenarioSetReport Fail(string where, string message, string hint) => new()
        {
            SourceFile = fullPath,
            SetProblems = [ValidationProblem.Error(where, message, hint)],
        };

        if (!File.Exists(fullPath))
        {
            return Fail(fullPath, "scenario set file not found", "check the path; example sets live in configs/scenario_sets/");
        }

        byte[] bytes;
        try
        {
            bytes = Data.BoundedFile.ReadAllBytes(fullPath, MaxSetFileBytes);
        }
        catch (InvalidDataException)
        {
            return Fail(fullPath, $"the set file is over the {MaxSetFileBytes / (1024 * 1024)} MB a scenario set may be",
                "split it into several sets, or describe variations with a grid instead of listing each scenario");
        }

        if (DuplicateKeyFinder.Find(bytes) is { } twice)
        {
            return Fail(twice.Path, $"key '{twice.Key}' is given twice in one object (line {twice.Line} of {Path.GetFileName(fullPath)})",
                "keep one of them: JSON objects have unique keys");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            return Fail($"{fullPath}:{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}", $"not valid JSON: {ex.Message}",
                "fix the syntax at that line (a missing comma or quote is the usual cause)");
        }

        if (root is not JsonObject rootObject)
        {
            return Fail(JsonPath.Root, "a scenario set is a JSON object", "start from configs/scenario_sets/eurusd_example.json");
        }

        var origins = new OriginMap();
        origins.CloneFrom(rootObject, JsonPath.Root);
        var rootReader = new ObjectReader(rootObject, JsonPath.Root, origins, setProblems);
        rootReader.RejectUnknownKeys(ConfigKeys.Root, "the scenario set");
        var name = rootReader.String("name", true, "a short name used for the results folder, e.g. \"eurusd_example\"");
        if (name is not null && !SafeName().IsMatch(name))
        {
            rootReader.Error("name", $"'{name}' cannot be used as a folder name", "use letters, digits, '.', '_' and '-'");
        }

        var description = rootReader.String("description", false, "free text") ?? "";
        var plugins = LoadPlugins(rootReader, Path.GetDirectoryName(fullPath)!, setProblems);
        var defaults = rootReader.Object("defaults", false, "an object with strategy, account and execution");
        defaults?.RejectUnknownKeys(ConfigKeys.Config, "defaults");

        var scenarios = rootObject["scenarios"] as JsonArray;
        if (scenarios is null || scenarios.Count == 0)
        {
            rootReader.Error("scenarios", "'scenarios' must be a non-empty array", "list at least one {\"name\", \"symbol\", \"start\", \"end\"}");
            scenarios = null;
        }

        var reports = new List<ScenarioReport>();
        if (scenarios is not null)
        {
            using var dataChecks = store is null ? null : new DataChecks(store);
            var binder = new ScenarioBinder(plugins.Catalog, Path.GetDirectoryName(fullPath)!);
            for (var i = 0; i < scenarios.Count; i++)
            {
                var scenarioPath = JsonPath.Index(JsonPath.Property(JsonPath.Root, "scenarios"), i);
                if (reports.Count >= MaxScenarios)
                {
                    setProblems.Add(ValidationProblem.Error(scenarioPath, $"the set expands to more than {MaxScenarios:N0} scenarios",
                        "split it into several sets, or use smaller grids"));
                    break;
                }

                if (scenarios[i] is not JsonObject item)
                {
                    setProblems.Add(ValidationProblem.Error(scenarioPath, "a scenario must be an object", "e.g. {\"name\": \"may06\", \"symbol\": \"EURUSD\", \"start\": \"2014-05-06\", \"end\": \"2014-05-07\"}"));
                    continue;
                }

                LoadScenario(item, scenarioPath, defaults?.Node, origins, binder, dataChecks, reports);
            }
        }

        foreach (var duplicate in reports.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            setProblems.Add(ValidationProblem.Error(duplicate.First().JsonPath,
                $"scenario name '{duplicate.Key}' is used {duplicate.Count()} times (names are case-insensitive: they become folder names)",
                "give every scenario a unique name"));
        }

        return new ScenarioSetReport
        {
            SourceFile = fullPath,
            SourceSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            Name = name ?? "",
            Description = description,
            SetProblems = [.. setProblems],
            Plugins = plugins.Plugins,
            Scenarios = [.. reports.Select((r, index) => r with { Index = index, Config = r.Config is null ? null : r.Config with { Index = index } })],
        };
    }

    private PluginLoad LoadPlugins(ObjectReader root, string setFolder, List<ValidationProblem> problems)
    {
        var sources = new List<PluginSource>();
        const string Hint = "a list of plug-in assembly paths, relative to the set's folder, e.g. [\"../plugins/MyStrategies/bin/Debug/net10.0/MyStrategies.dll\"]";
        if (root.Node["plugins"] is { } node)
        {
            if (node is not JsonArray paths)
            {
                root.Error("plugins", $"'plugins' must be an array, not {ObjectReader.Describe(node)}", Hint);
            }
            else
            {
                for (var i = 0; i < paths.Count; i++)
                {
                    var where = JsonPath.Index(root.PathOf("plugins"), i);
                    if (paths[i] is JsonValue value && value.TryGetValue<string>(out var path) && path.Length > 0)
                    {
                        sources.Add(new PluginSource(Path.GetFullPath(Path.Combine(setFolder, path)), where));
                    }
                    else
                    {
                        problems.Add(ValidationProblem.Error(where, "a plug-in is named by a non-empty path string", Hint));
                    }
                }
            }
        }

        sources.AddRange((extraPlugins ?? []).Select(PluginSource.FromCommandLine));
        if (sources.Count == 0)
        {
            return new PluginLoad(catalog, [], []);
        }

        var load = catalog.WithPlugins(sources);
        problems.AddRange(load.Problems.Select(p => ValidationProblem.Error(p.Origin, p.Message, p.Hint)));
        return load;
    }

    private static void LoadScenario(JsonObject item, string path, JsonObject? defaults, OriginMap origins, ScenarioBinder binder,
        DataChecks? dataChecks, List<ScenarioReport> reports)
    {
        var problems = new List<ValidationProblem>();
        var reader = new ObjectReader(item, path, origins, problems);
        reader.RejectUnknownKeys(ConfigKeys.Scenario, "a scenario");
        var name = reader.String("name", true, "a unique name, used as a folder name") ?? $"scenario_{path}";
        if (reader.Has("name") && !SafeName().IsMatch(name))
        {
            reader.Error("name", $"'{name}' cannot be used as a folder name", "use letters, digits, '.', '_' and '-'");
        }

        var enabled = reader.Bool("enabled", "true or false") ?? true;
        var symbol = reader.String("symbol", true, "the store's symbol name, e.g. \"EURUSD\" (finiex data list)");
        var start = ReadTime(reader, "start", true);
        var end = ReadTime(reader, "end", false);
        var maxTicks = reader.Integer("max_ticks", false, "a positive number of ticks", 1, long.MaxValue);
        var allowShortWarmup = reader.Bool("allow_short_warmup", "true or false") ?? false;
        if (!reader.Has("end") && !reader.Has("max_ticks"))
        {
            reader.Error("end", "a scenario needs 'end' or 'max_ticks'", "add \"end\": \"2014-05-07T00:00:00Z\" or \"max_ticks\": 100000");
        }

        if (start is { } s && end is { } e && s >= e)
        {
            reader.Error("end", $"start ({UtcTime.Format(s)}) is not before end ({UtcTime.Format(e)})", "the window is [start, end): end must be later");
        }

        var overrides = reader.Object("overrides", false, "an object with strategy, account and/or execution, merged over the defaults");
        overrides?.RejectUnknownKeys(ConfigKeys.Config, "overrides");
        var merged = (JsonObject?)origins.CloneFrom(defaults, JsonPath.Property(JsonPath.Root, "defaults")) ?? [];
        if (overrides is not null)
        {
            ConfigMerger.MergeInto(merged, overrides.Node, overrides.Path, origins);
        }

        var grid = reader.Object("grid", false, "{\"strategy.workers.rsi.params.period\": [10, 14]}");
        var variants = GridExpander.Expand(name, merged, grid?.Node, grid?.Path ?? path, origins, problems);
        if (variants.Count == 0)
        {
            reports.Add(new ScenarioReport(name, reports.Count, path, enabled, null, problems));
            return;
        }

        var sharedProblems = problems.ToList();
        foreach (var variant in variants)
        {
            var variantProblems = new List<ValidationProblem>(sharedProblems);
            var config = new ObjectReader(variant.Config, JsonPath.Property(path, "overrides"), origins, variantProblems);
            var strategy = binder.BindStrategy(config);
            var account = binder.BindAccount(config);
            var execution = ScenarioBinder.BindExecution(config);
            binder.CheckAccountStops(config);
            ScenarioConfig? scenario = null;
            if (strategy is not null && account is not null && execution is not null && symbol is not null && start is not null
                && variantProblems.All(p => p.Severity != ProblemSeverity.Error))
            {
                scenario = new ScenarioConfig
                {
                    Name = variant.Name,
                    Index = reports.Count,
                    JsonPath = path,
                    Symbol = symbol,
                    StartMs = start.Value,
                    EndMs = end,
                    MaxTicks = maxTicks,
                    AllowShortWarmup = allowShortWarmup,
                    Strategy = strategy,
                    Account = account,
                    Execution = execution,
                    GridValues = variant.Values,
                };
            }

            long? ticks = null;
            if (enabled && symbol is not null && start is not null)
            {
                ticks = dataChecks?.Check(new DataCheckSubject(symbol, start.Value, end, allowShortWarmup, strategy, account), PathsOf(reader, config, strategy), variantProblems);
                ticks = ticks is { } inWindow && maxTicks is { } cap ? Math.Min(inWindow, cap) : ticks;
            }

            reports.Add(new ScenarioReport(variant.Name, reports.Count, path, enabled, scenario, variantProblems, ticks));
        }
    }

    private static ScenarioPaths PathsOf(ObjectReader scenario, ObjectReader config, StrategyConfig? strategyBound)
    {
        var strategy = config.Object("strategy", false, "");
        var workers = strategy?.Object("workers", false, "");
        var decision = strategy?.Object("decision", false, "");
        var account = config.Object("account", false, "");
        return new ScenarioPaths(
            scenario.Path,
            scenario.PathOf("symbol"),
            scenario.PathOf("start"),
            scenario.PathOf("end"),
            account?.PathOf("broker") ?? config.Path,
            account?.PathOf("currency") ?? config.Path,
            decision?.Object("params", false, "")?.PathOf("lot_size") ?? JsonPath.Property(JsonPath.Property(decision?.Path ?? config.Path, "params"), "lot_size"),
            decision?.PathOf("type") ?? config.Path,
            strategyBound?.Workers.ToDictionary(w => w.Name, w => workers?.PathOf(w.Name) ?? scenario.Path) ?? []);
    }

    private static long? ReadTime(ObjectReader reader, string key, bool required)
    {
        var text = reader.String(key, required, "an ISO-8601 UTC time such as \"2014-05-06T00:00:00Z\" or a date \"2014-05-06\"");
        if (text is null)
        {
            return null;
        }

        if (!UtcTime.TryParse(text, out var ms))
        {
            reader.Error(key, $"'{text}' is not an ISO-8601 date or time", "write it as \"2014-05-06\" or \"2014-05-06T08:30:00Z\" (year-month-day, a 'T' before the time; no offset means UTC)");
            return null;
        }

        return ms;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._=,-]*$")]
    private static partial Regex SafeName();
}
