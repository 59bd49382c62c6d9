using System.Text.Json;

namespace Finiex.Orchestration.Execution;

/// <summary>The snake_case names statuses and failure kinds have in results and on the console (<c>timed_out</c>).</summary>
public static class StatusNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
