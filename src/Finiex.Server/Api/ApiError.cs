using Microsoft.AspNetCore.Http;

namespace Finiex.Server.Api;

/// <summary>Every error of the API: <c>{"error": "what is wrong and what to do", "details": ["$.path: problem", ...]}</c>.</summary>
public sealed record ApiError(string Error, IReadOnlyList<string> Details)
{
    public static IResult Result(int status, string error, IReadOnlyList<string>? details = null) => Results.Json(new ApiError(error, details ?? []), statusCode: status);

    public static Task Write(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(error, []));
    }
}
