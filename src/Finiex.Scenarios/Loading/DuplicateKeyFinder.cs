using System.Text.Json;

namespace Finiex.Scenarios.Loading;

/// <summary>
/// Finds the first key given twice in one JSON object, with its JSON path and line: System.Text.Json refuses such a
/// document but says neither where nor which object.
/// </summary>
internal static class DuplicateKeyFinder
{
    public sealed record Duplicate(string Key, string Path, int Line);

    /// <summary>The first duplicate key, or null (also for a document that is not valid JSON: the parser reports that).</summary>
    public static Duplicate? Find(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var keys = new Stack<HashSet<string>?>(); // one set per open object; null for an array
        var paths = new Stack<string>();
        var indexes = new Stack<int>();
        var path = JsonPath.Root;
        string? pendingKey = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingKey = reader.GetString()!;
                        if (!keys.Peek()!.Add(pendingKey))
                        {
                            return new Duplicate(pendingKey, JsonPath.Property(path, pendingKey), LineOf(utf8, reader.TokenStartIndex));
                        }

                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        paths.Push(path);
                        path = ChildPath(path, pendingKey, keys, indexes);
                        keys.Push(reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null);
                        indexes.Push(0);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        keys.Pop();
                        indexes.Pop();
                        path = paths.Pop();
                        Advance(keys, indexes);
                        break;
                    default:
                        Advance(keys, indexes);
                        break;
                }

                pendingKey = null;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static string ChildPath(string parent, string? key, Stack<HashSet<string>?> keys, Stack<int> indexes) =>
        keys.Count == 0 ? parent
        : key is not null ? JsonPath.Property(parent, key)
        : JsonPath.Index(parent, indexes.Peek());

    /// <summary>A value ended inside an array: the next one has the next index.</summary>
    private static void Advance(Stack<HashSet<string>?> keys, Stack<int> indexes)
    {
        if (keys.Count > 0 && keys.Peek() is null)
        {
            indexes.Push(indexes.Pop() + 1);
        }
    }

    private static int LineOf(ReadOnlySpan<byte> utf8, long offset) => utf8[..(int)offset].Count((byte)'\n') + 1;
}
