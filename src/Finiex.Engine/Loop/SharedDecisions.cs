using System.Globalization;
using Finiex.Contracts.Packages;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Decisions;

namespace Finiex.Engine.Loop;

/// <summary>
/// The decision logics of one tick loop, each distinct one once: two scenarios whose logic has the same registration
/// object, parameters and input workers (the loop's shared instances) get the same <see cref="SharedDecision"/>.
/// </summary>
internal sealed class SharedDecisions
{
    private readonly SharingKey _keys = new();
    private readonly Dictionary<string, SharedDecision> _byKey = new(StringComparer.Ordinal);

    /// <summary>The decision <paramref name="spec"/> describes over the loop's workers <paramref name="inputs"/>, made by <paramref name="create"/> when it is new.</summary>
    public SharedDecision Get(DecisionRegistration registration, DecisionSpec spec, IReadOnlyDictionary<string, int> inputs, Func<DecisionLogic> create)
    {
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{_keys.Registration(registration)}|{spec.Type}|{SharingKey.Parameters(spec.Numbers, spec.Choices)}|{string.Join(',', inputs.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value}"))}");
        if (!_byKey.TryGetValue(key, out var decision))
        {
            decision = new SharedDecision(create());
            _byKey[key] = decision;
        }

        return decision;
    }
}
