using System.Text.Json.Nodes;

namespace Finiex.Scenarios.Loading;

/// <summary>
/// Remembers, for every node of a merged configuration tree, the JSON path in the file it was copied from,
/// so a problem in a value that came from the defaults, an override or a grid names the place to fix.
/// </summary>
internal sealed class OriginMap
{
    private readonly Dictionary<JsonNode, string> _origins = new(ReferenceEqualityComparer.Instance);

    /// <summary>Deep-clones <paramref name="node"/>, recording each copied node's origin below <paramref name="path"/>.</summary>
    public JsonNode? CloneFrom(JsonNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        var clone = node.DeepClone();
        Record(clone, path);
        return clone;
    }

    /// <summary>Gives <paramref name="copy"/> the origin of <paramref name="original"/>.</summary>
    public void Alias(JsonNode copy, JsonNode original)
    {
        if (_origins.TryGetValue(original, out var path))
        {
            _origins[copy] = path;
        }
    }

    public string PathOf(JsonNode node, string fallback) => _origins.GetValueOrDefault(node, fallback);

    /// <summary>The path of a property: where its value came from, else its parent's origin plus the name.</summary>
    public string PathOf(JsonObject parent, string property, string parentFallback) =>
        parent[property] is { } value && _origins.TryGetValue(value, out var path)
            ? path
            : JsonPath.Property(PathOf(parent, parentFallback), property);

    private void Record(JsonNode node, string path)
    {
        _origins[node] = path;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        Record(value, JsonPath.Property(path, key));
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        Record(item, JsonPath.Index(path, i));
                    }
                }

                break;
        }
    }
}
