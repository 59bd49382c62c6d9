using System.Collections.Immutable;
using System.Globalization;

namespace Finiex.Sdk.Catalog;

/// <summary>Declares one parameter of a worker or decision logic: its kind, default and allowed range.</summary>
public sealed record ParameterSpec
{
    public required string Name { get; init; }
    public required ParameterKind Kind { get; init; }
    public string Description { get; init; } = "";
    public double? DefaultNumber { get; init; }
    public string? DefaultChoice { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    /// <summary>When true the minimum itself is not allowed (value must be &gt; Min).</summary>
    public bool MinExclusive { get; init; }
    public ImmutableArray<string> Choices { get; init; } = [];

    public static ParameterSpec Integer(string name, int defaultValue, int min, int max, string description) =>
        new() { Name = name, Kind = ParameterKind.Integer, DefaultNumber = defaultValue, Min = min, Max = max, Description = description };

    public static ParameterSpec Number(string name, double defaultValue, double min, double max, string description, bool minExclusive = false) =>
        new() { Name = name, Kind = ParameterKind.Number, DefaultNumber = defaultValue, Min = min, Max = max, MinExclusive = minExclusive, Description = description };

    public static ParameterSpec Choice(string name, string defaultValue, string description, params string[] choices) =>
        new() { Name = name, Kind = ParameterKind.Choice, DefaultChoice = defaultValue, Choices = [.. choices], Description = description };

    /// <summary>Returns null when the number is allowed, otherwise what is wrong with it.</summary>
    public string? CheckNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            return "must be a finite number";
        }

        if (Kind == ParameterKind.Integer && value != Math.Floor(value))
        {
            return "must be a whole number";
        }

        if (Min is { } min && (MinExclusive ? value <= min : value < min))
        {
            return $"must be {(MinExclusive ? ">" : ">=")} {Format(min)}";
        }

        return Max is { } max && value > max ? $"must be <= {Format(max)}" : null;
    }

    public string RangeText => Kind switch
    {
        ParameterKind.Choice => "one of " + string.Join(", ", Choices.Select(c => $"\"{c}\"")),
        ParameterKind.Integer => $"a whole number in [{Format(Min)}, {Format(Max)}]",
        _ => $"a number in {(MinExclusive ? "(" : "[")}{Format(Min)}, {Format(Max)}]",
    };

    private static string Format(double? value) => value?.ToString("G", CultureInfo.InvariantCulture) ?? "-inf";
}
