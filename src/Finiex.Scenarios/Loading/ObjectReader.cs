using System.Text.Json;
using System.Text.Json.Nodes;
using Finiex.Scenarios.Validation;

namespace Finiex.Scenarios.Loading;

/// <summary>
/// Reads typed values out of one JSON object of a merged configuration, reporting every problem with the path
/// of the value in the file (through the <see cref="OriginMap"/>) instead of throwing.
/// </summary>
internal sealed class ObjectReader(JsonObject node, string logicalPath, OriginMap origins, List<ValidationProblem> problems)
{
    public JsonObject Node => node;

    public string Path => origins.PathOf(node, logicalPath);

    public List<ValidationProblem> Problems => problems;

    public string PathOf(string key) => origins.PathOf(node, key, logicalPath);

    public void Error(string key, string message, string hint) => problems.Add(ValidationProblem.Error(PathOf(key), message, hint));

    public void Warning(string key, string message, string hint) => problems.Add(ValidationProblem.Warning(PathOf(key), message, hint));

    /// <summary>Reports every key not in <paramref name="known"/>, with the nearest known name as a hint.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> known, string what)
    {
        foreach (var (key, _) in node)
        {
            if (!known.Contains(key))
            {
                Error(key, $"unknown key '{key}' in {what}", KeySuggester.HintFor(key, known));
            }
        }
    }

    public bool Has(string key) => node[key] is not null;

    public ObjectReader? Object(string key, bool required, string hint)
    {
        switch (node[key])
        {
            case JsonObject child:
                return new ObjectReader(child, JsonPath.Property(Path, key), origins, problems);
            case null when required:
                Error(key, $"'{key}' is required", hint);
                return null;
            case null:
                return null;
            default:
                Error(key, $"'{key}' must be an object", hint);
                return null;
        }
    }

    public string? String(string key, bool required, string hint)
    {
        var value = node[key];
        if (value is null)
        {
            if (required)
            {
                Error(key, $"'{key}' is required", hint);
            }

            return null;
        }

        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } text)
        {
            return text;
        }

        Error(key, $"'{key}' must be a non-empty string", hint);
        return null;
    }

    public double? Number(string key, bool required, string hint)
    {
        var value = node[key];
        if (value is null)
        {
            if (required)
            {
                Error(key, $"'{key}' is required", hint);
            }

            return null;
        }

        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && double.IsFinite(v.GetValue<double>()))
        {
            return v.GetValue<double>();
        }

        Error(key, $"'{key}' must be a number, not {Describe(value)}", hint);
        return null;
    }

    /// <summary>A number that must satisfy <paramref name="check"/>, which returns what is wrong or null.</summary>
    public double? Number(string key, bool required, string hint, Func<double, string?> check)
    {
        var value = Number(key, required, hint);
        if (value is { } number && check(number) is { } wrong)
        {
            Error(key, $"'{key}' {wrong} (got {number})", hint);
            return null;
        }

        return value;
    }

    public long? Integer(string key, bool required, string hint, long min, long max)
    {
        var value = Number(key, required, hint);
        if (value is not { } number)
        {
            return null;
        }

        if (number != Math.Floor(number) || number < min || number > max)
        {
            Error(key, $"'{key}' must be a whole number in [{min}, {max}] (got {number})", hint);
            return null;
        }

        return (long)number;
    }

    public bool? Bool(string key, string hint)
    {
        var value = node[key];
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }

        Error(key, $"'{key}' must be true or false, not {Describe(value)}", hint);
        return null;
    }

    public static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the string \"{v.GetValue<string>()}\"",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => v.ToJsonString(),
        },
        _ => value.ToJsonString(),
    };
}
