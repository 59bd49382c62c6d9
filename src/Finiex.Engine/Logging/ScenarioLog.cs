using System.Globalization;
using Finiex.Contracts.Results;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Finiex.Engine.Logging;

/// <summary>
/// A scenario's log: a Serilog <see cref="ILogger"/> whose events are kept as the scenario's log buffer (returned with
/// the result) and passed on to an optional live logger (the runner's pipe, or the in-process slot's event hub).
/// Written at startup, at the end and on rare events; never per tick.
/// </summary>
public sealed class ScenarioLog : ILogEventSink
{
    private readonly List<LogLine> _lines = [];

    public ScenarioLog(ILogger? live = null)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this);
        Logger = live is null ? configuration.CreateLogger() : configuration.WriteTo.Logger(live).CreateLogger();
    }

    /// <summary>The logger for engine and strategy code; its events land in <see cref="Lines"/>.</summary>
    public ILogger Logger { get; }

    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Info(string message) => Logger.Information("{Message:l}", message);

    public void Warning(string message) => Logger.Warning("{Message:l}", message);

    public void Error(string message) => Logger.Error("{Message:l}", message);

    void ILogEventSink.Emit(LogEvent logEvent)
    {
        var line = ToLine(logEvent);
        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    /// <summary>The wire and file form of a Serilog event: its time, short level name and rendered message.</summary>
    public static LogLine ToLine(LogEvent logEvent) =>
        new(logEvent.Timestamp, LevelName(logEvent.Level), logEvent.RenderMessage(CultureInfo.InvariantCulture)
                                                           + (logEvent.Exception is { } ex ? $" ({ex.GetType().Name}: {ex.Message})" : ""));

    public static string LevelName(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "TRACE",
        LogEventLevel.Debug => "DEBUG",
        LogEventLevel.Information => "INFO",
        LogEventLevel.Warning => "WARN",
        LogEventLevel.Error => "ERROR",
        _ => "FATAL",
    };
}
