using Finiex.Contracts.Results;

namespace Finiex.Engine.Logging;

/// <summary>
/// The scenario's log buffer: timestamped, levelled lines kept in memory and returned with the result. Written at
/// startup, at the end, and on rare events; never per tick. Each line is also passed to an optional live sink.
/// </summary>
public sealed class ScenarioLog(Action<LogLine>? live = null)
{
    private readonly List<LogLine> _lines = [];

    public IReadOnlyList<LogLine> Lines => _lines;

    public void Info(string message) => Write("INFO", message);

    public void Warning(string message) => Write("WARN", message);

    public void Error(string message) => Write("ERROR", message);

    private void Write(string level, string message)
    {
        var line = new LogLine(DateTimeOffset.UtcNow, level, message);
        _lines.Add(line);
        live?.Invoke(line);
    }
}
