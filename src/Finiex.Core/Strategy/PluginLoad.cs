using System.Collections.Immutable;

namespace Finiex.Core.Strategy;

/// <summary>
/// A catalog extended with plug-ins: the types known afterwards, the plug-ins that loaded, and a problem for each that did
/// not (its origin, what went wrong, what to do). A plug-in with a problem adds none of its types.
/// </summary>
public sealed record PluginLoad(IStrategyCatalog Catalog, ImmutableArray<PluginIdentity> Plugins, ImmutableArray<PluginProblem> Problems);
