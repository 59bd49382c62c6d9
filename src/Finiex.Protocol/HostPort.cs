using System.Globalization;

namespace Finiex.Protocol;

/// <summary>
/// <c>HOST:PORT</c> as a runner is told where to dial back (<c>--connect</c>) and as <c>--listen</c> takes it: an IPv6
/// address is bracketed (<c>[fd00::1]:7000</c>); without a port (<c>node1</c>, <c>fd00::1</c>) the port is 0.
/// </summary>
public readonly record struct HostPort(string Host, int Port)
{
    public static HostPort Parse(string text)
    {
        var (host, port) = text.StartsWith('[') && text.IndexOf("]:", StringComparison.Ordinal) is var close and > 0 ? (text[1..close], text[(close + 2)..])
            : text.Count(c => c == ':') == 1 ? (text[..text.IndexOf(':', StringComparison.Ordinal)], text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..])
            : (text.Trim('[', ']'), "0");
        return int.TryParse(port, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 65535 && host.Length > 0
            ? new HostPort(host, number)
            : throw new FormatException($"{text}: expected HOST or HOST:PORT with a port from 0 to 65535.");
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal)
        ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
