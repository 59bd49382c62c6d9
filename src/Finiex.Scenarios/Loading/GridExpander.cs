using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Finiex.Scenarios.Validation;

namespace Finiex.Scenarios.Loading;

/// <summary>
/// Expands <c>grid: {"dot.path": [v1, v2], ...}</c> into the cartesian product of its values. The first key varies
/// slowest; names are <c>&lt;scenario&gt;__&lt;label&gt;=&lt;value&gt;</c> per key, where the label is the path without the
/// words strategy, workers, params, account and execution (e.g. <c>rsi_fast.period=14</c>).
/// </summary>
internal static class GridExpander
{
    private static readonly HashSet<string> Omitted = new(StringComparer.Ordinal) { "strategy", "workers", "params", "account", "execution" };

    public const int MaxVariants = 100_000;

    public static IReadOnlyList<GridVariant> Expand(string scenarioName, JsonObject config, JsonObject? grid, string gridPath,
        OriginMap origins, List<ValidationProblem> problems)
    {
        if (grid is null || grid.Count == 0)
        {
            return [new GridVariant(scenarioName, config, [])];
        }

        var axes = new List<(string Key, string[] Segments, JsonArray Values, string Path)>();
        foreach (var (key, value) in grid)
        {
            var path = JsonPath.Property(gridPath, key);
            if (value is not JsonArray values || values.Count == 0)
            {
                problems.Add(ValidationProblem.Error(path, "a grid entry must be a non-empty array of values", "write e.g. \"strategy.workers.rsi.params.period\": [10, 14, 21]"));
                continue;
            }

            var segments = key.Split('.');
            if (segments.Any(string.IsNullOrWhiteSpace) || segments.Length < 2)
            {
                problems.Add(ValidationProblem.Error(path, $"'{key}' is not a dot path into the scenario's configuration", "paths look like strategy.workers.<worker>.params.<name> or account.commission_per_lot"));
                continue;
            }

            if (FindParent(config, segments, createParams: false, out var missing) is null)
            {
                problems.Add(ValidationProblem.Error(path, $"'{key}' does not lead anywhere: '{missing}' does not exist there", "check the worker name and the path against the defaults"));
                continue;
            }

            axes.Add((key, segments, values, path));
        }

        var count = axes.Aggregate(1L, (product, axis) => product * axis.Values.Count);
        if (count > MaxVariants)
        {
            problems.Add(ValidationProblem.Error(gridPath, $"the grid expands to {count:N0} scenarios, more than {MaxVariants:N0}", "split it into several scenarios or sets"));
            return [];
        }

        if (problems.Count > 0)
        {
            return [];
        }

        var labels = Labels(axes.Select(a => a.Segments).ToList());
        var variants = new List<GridVariant>((int)count);
        var choice = new int[axes.Count];
        for (var n = 0; n < count; n++)
        {
            var variant = (JsonObject)config.DeepClone();
            CopyOrigins(config, variant, origins);
            var values = new List<KeyValuePair<string, string>>();
            var nameParts = new List<string> { scenarioName };
            for (var a = 0; a < axes.Count; a++)
            {
                var axis = axes[a];
                var value = axis.Values[choice[a]];
                var parent = FindParent(variant, axis.Segments, createParams: true, out _)!;
                parent[axis.Segments[^1]] = origins.CloneFrom(value, JsonPath.Index(axis.Path, choice[a]));
                var text = ValueText(value);
                values.Add(new(axis.Key, text));
                nameParts.Add($"{labels[a]}={text}");
            }

            variants.Add(new GridVariant(string.Join("__", nameParts), variant, values));
            for (var a = axes.Count - 1; a >= 0; a--)
            {
                if (++choice[a] < axes[a].Values.Count)
                {
                    break;
                }

                choice[a] = 0;
            }
        }

        return variants;
    }

    private static JsonObject? FindParent(JsonObject root, string[] segments, bool createParams, out string missing)
    {
        var current = root;
        missing = "";
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (current[segments[i]] is JsonObject next)
            {
                current = next;
            }
            else if (segments[i] == "params" && current[segments[i]] is null)
            {
                // A worker without a params object still takes grid values for its parameters.
                if (createParams)
                {
                    next = [];
                    current[segments[i]] = next;
                    current = next;
                }
            }
            else
            {
                missing = string.Join('.', segments[..(i + 1)]);
                return null;
            }
        }

        return current;
    }

    private static List<string> Labels(List<string[]> paths)
    {
        var labels = paths.Select(p => string.Join('.', p.Where(s => !Omitted.Contains(s)))).ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i].Length == 0 || labels.Count(l => l == labels[i]) > 1)
            {
                labels[i] = string.Join('.', paths[i]);
            }
        }

        return labels;
    }

    private static string ValueText(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>().ToString("G", CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    private static void CopyOrigins(JsonNode source, JsonNode clone, OriginMap origins)
    {
        origins.Alias(clone, source);
        switch (source)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is not null && clone[key] is { } cloned)
                    {
                        CopyOrigins(value, cloned, origins);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item && clone[i] is { } cloned)
                    {
                        CopyOrigins(item, cloned, origins);
                    }
                }

                break;
        }
    }
}
