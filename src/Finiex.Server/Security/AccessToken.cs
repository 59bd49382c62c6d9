using System.Security.Cryptography;
using System.Text;
using Finiex.Server.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Finiex.Server.Security;

/// <summary>
/// With a token, every request needs <c>Authorization: Bearer TOKEN</c> (or, for a browser's WebSocket, which cannot set
/// headers, <c>?access_token=TOKEN</c>); the comparison takes the same time whatever the guess. The dashboard's own
/// static files (<c>/</c>, <c>/dashboard/*</c>) hold no data and load without it.
/// </summary>
internal static class AccessToken
{
    public const string QueryParameter = "access_token";

    private static bool IsDashboardFile(PathString path) => path == "/" || path.StartsWithSegments("/dashboard", StringComparison.Ordinal);

    public static void Require(WebApplication app, string token)
    {
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        app.Use(async (context, next) =>
        {
            if (IsDashboardFile(context.Request.Path))
            {
                await next(context).ConfigureAwait(false); // static files without data: the page asks for the token and sends it with every call
                return;
            }

            var given = context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..]
                : context.Request.Query[QueryParameter].ToString();
            if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), expected))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await ApiError.Write(context, StatusCodes.Status401Unauthorized,
                    "send Authorization: Bearer TOKEN (the token given to finiex serve --token); the dashboard asks for it once").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
    }
}
