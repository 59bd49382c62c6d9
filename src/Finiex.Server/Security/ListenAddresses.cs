using System.Net;

namespace Finiex.Server.Security;

/// <summary>Where the server may listen: loopback by default; any other address only with a token.</summary>
public static class ListenAddresses
{
    /// <exception cref="ArgumentException">An address beyond loopback without a token, or one that is not an http(s) URL.</exception>
    public static void Check(IEnumerable<string> urls, string? token)
    {
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"--urls: '{url}' is not an address to listen on (e.g. http://127.0.0.1:5080)");
            }

            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback && string.IsNullOrEmpty(token))
            {
                throw new ArgumentException(
                    $"--urls {url} listens beyond this machine: give a token (finiex serve --urls {url} --token $(openssl rand -hex 16)), or listen on http://127.0.0.1:5080");
            }
        }
    }
}
