using System.Globalization;

namespace Finiex.Engine.Loop;

/// <summary>
/// How a fused pass tells two workers or two decision logics apart: by their registration object (a plug-in's types
/// are its scenario's own, so they never equal another scenario's) and by every parameter.
/// </summary>
internal sealed class SharingKey
{
    private readonly Dictionary<object, int> _registrations = new(ReferenceEqualityComparer.Instance);

    /// <summary>A number per registration object, the same for the same object.</summary>
    public int Registration(object registration)
    {
        if (!_registrations.TryGetValue(registration, out var id))
        {
            id = _registrations.Count;
            _registrations[registration] = id;
        }

        return id;
    }

    /// <summary>Every number (round-trip exact) and choice, sorted by name.</summary>
    public static string Parameters(IReadOnlyDictionary<string, double> numbers, IReadOnlyDictionary<string, string> choices) =>
        string.Join(',', numbers.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:R}")))
        + "|" + string.Join(',', choices.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
