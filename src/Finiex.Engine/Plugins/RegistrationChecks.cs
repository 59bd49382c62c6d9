using System.Text.RegularExpressions;
using Finiex.Sdk.Catalog;

namespace Finiex.Engine.Plugins;

/// <summary>
/// What a registered type must satisfy before a scenario set may name it: a lower_snake_case type name, parameters with
/// unique names, a range and a default inside it (or a default among the choices), unique input names, and warmup and bar
/// needs that can be computed from the defaults. Each problem names the type and the parameter.
/// </summary>
internal static partial class RegistrationChecks
{
    public static IEnumerable<string> Problems(WorkerRegistration worker)
    {
        var info = worker.Info;
        foreach (var problem in NameAndParameters(info.TypeName, info.Parameters))
        {
            yield return problem;
        }

        if (Evaluate(() => info.DefaultWarmupBars(ParameterSet.Defaults(info.Parameters))) is { } warmup)
        {
            yield return $"worker type '{info.TypeName}': DefaultWarmupBars {warmup}";
        }
    }

    public static IEnumerable<string> Problems(DecisionTypeInfo info)
    {
        foreach (var problem in NameAndParameters(info.TypeName, info.Parameters))
        {
            yield return problem;
        }

        foreach (var input in info.Inputs.GroupBy(i => i.Name).Where(g => g.Count() > 1))
        {
            yield return $"type '{info.TypeName}': input '{input.Key}' is declared {input.Count()} times";
        }

        if (Evaluate(() => info.Bars(ParameterSet.Defaults(info.Parameters)).Length) is { } bars)
        {
            yield return $"type '{info.TypeName}': Bars {bars}";
        }
    }

    private static IEnumerable<string> NameAndParameters(string typeName, IEnumerable<ParameterSpec> parameters)
    {
        if (string.IsNullOrEmpty(typeName) || !SnakeCase().IsMatch(typeName))
        {
            yield return $"type name '{typeName}' must be lower_snake_case (a letter, then letters, digits and '_'), as scenario sets name it";
        }

        foreach (var twice in parameters.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            yield return $"type '{typeName}': parameter '{twice.Key}' is declared {twice.Count()} times";
        }

        foreach (var spec in parameters)
        {
            if (Problem(spec) is { } problem)
            {
                yield return $"type '{typeName}': parameter '{spec.Name}' {problem}";
            }
        }
    }

    private static string? Problem(ParameterSpec spec)
    {
        if (string.IsNullOrEmpty(spec.Name) || !SnakeCase().IsMatch(spec.Name))
        {
            return "needs a lower_snake_case name";
        }

        if (spec.Kind == ParameterKind.Choice)
        {
            return spec.Choices.IsDefaultOrEmpty ? "is a choice without choices"
                : spec.Choices.Distinct().Count() != spec.Choices.Length ? "lists a choice twice"
                : spec.DefaultChoice is null || !spec.Choices.Contains(spec.DefaultChoice) ? $"has default '{spec.DefaultChoice}', which is not one of its choices"
                : null;
        }

        if (spec.Min is { } min && spec.Max is { } max && !(min <= max))
        {
            return $"has a minimum ({min}) above its maximum ({max})";
        }

        return spec.DefaultNumber is not { } value ? "has no default"
            : spec.CheckNumber(value) is { } outOfRange ? $"has default {value}, which {outOfRange}"
            : null;
    }

    private static string? Evaluate(Func<int> compute)
    {
        try
        {
            var value = compute();
            return value < 0 ? $"gives {value} for the default parameters (it must be 0 or more)" : null;
        }
        catch (Exception ex)
        {
            return $"throws for the default parameters: {ex.GetType().Name}: {ex.Message}";
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();
}
