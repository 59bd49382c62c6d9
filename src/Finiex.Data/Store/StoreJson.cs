using System.Text.Json;
using System.Text.Json.Serialization;

namespace Finiex.Data.Store;

/// <summary>JSON settings of the store's manifests: snake_case names, enums as text.</summary>
internal static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
