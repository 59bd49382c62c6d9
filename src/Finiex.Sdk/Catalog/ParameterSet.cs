using System.Collections.Immutable;

namespace Finiex.Sdk.Catalog;

/// <summary>The resolved parameters of a worker or decision logic, every default filled in.</summary>
public sealed record ParameterSet(
    ImmutableSortedDictionary<string, double> Numbers,
    ImmutableSortedDictionary<string, string> Choices)
{
    public static ParameterSet Empty { get; } = new(
        ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The parameters <paramref name="specs"/> declare, each given value taken and every other at its default.</summary>
    public static ParameterSet Resolve(IEnumerable<ParameterSpec> specs, IReadOnlyDictionary<string, double> numbers, IReadOnlyDictionary<string, string> choices)
    {
        var set = Empty;
        foreach (var spec in specs)
        {
            set = spec.Kind == ParameterKind.Choice
                ? set.With(spec.Name, choices.GetValueOrDefault(spec.Name) ?? spec.DefaultChoice!)
                : set.With(spec.Name, numbers.TryGetValue(spec.Name, out var value) ? value : spec.DefaultNumber!.Value);
        }

        return set;
    }

    /// <summary>Every parameter <paramref name="specs"/> declare at its default.</summary>
    public static ParameterSet Defaults(IEnumerable<ParameterSpec> specs) =>
        Resolve(specs, ImmutableDictionary<string, double>.Empty, ImmutableDictionary<string, string>.Empty);

    public double Number(string name) =>
        Numbers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"Parameter '{name}' is not set.");

    public int Integer(string name) => checked((int)Number(name));

    public string Choice(string name) =>
        Choices.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"Parameter '{name}' is not set.");

    public ParameterSet With(string name, double value) => this with { Numbers = Numbers.SetItem(name, value) };

    public ParameterSet With(string name, string value) => this with { Choices = Choices.SetItem(name, value) };

    public bool Equals(ParameterSet? other) =>
        other is not null && Numbers.SequenceEqual(other.Numbers) && Choices.SequenceEqual(other.Choices);

    public override int GetHashCode() => HashCode.Combine(Numbers.Count, Choices.Count);
}
