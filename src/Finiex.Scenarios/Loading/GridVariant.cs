using System.Text.Json.Nodes;

namespace Finiex.Scenarios.Loading;

/// <summary>One combination of grid values applied to a scenario's resolved configuration.</summary>
internal sealed record GridVariant(string Name, JsonObject Config, IReadOnlyList<KeyValuePair<string, string>> Values);
