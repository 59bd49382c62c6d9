using System.Text.Json.Nodes;

namespace Finiex.Scenarios.Loading;

/// <summary>
/// Deep-merges a scenario's overrides over the set's defaults (rules in docs/scenario-sets.md):
/// objects merge key by key, scalars and arrays replace, <c>null</c> removes the key (back to the built-in default),
/// and an object whose <c>type</c> changes is replaced whole (a bollinger keeps none of an envelope's params).
/// </summary>
internal static class ConfigMerger
{
    public static void MergeInto(JsonObject target, JsonObject overlay, string overlayPath, OriginMap origins)
    {
        foreach (var (key, value) in overlay)
        {
            var path = JsonPath.Property(overlayPath, key);
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject overlayObject && target[key] is JsonObject targetObject && !TypeChanges(targetObject, overlayObject))
            {
                MergeInto(targetObject, overlayObject, path, origins);
            }
            else
            {
                target[key] = origins.CloneFrom(value, path);
            }
        }
    }

    private static bool TypeChanges(JsonObject target, JsonObject overlay) =>
        overlay["type"] is JsonValue newType && target["type"] is JsonValue oldType
        && newType.ToJsonString() != oldType.ToJsonString();
}
