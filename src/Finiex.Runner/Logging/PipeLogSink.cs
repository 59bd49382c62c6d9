using System.Threading.Channels;
using Finiex.Contracts.Results;
using Finiex.Engine.Logging;
using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;
using Serilog.Core;
using Serilog.Events;

namespace Finiex.Runner.Logging;

/// <summary>
/// The runner's Serilog sink. Events go onto a bounded channel, so logging never blocks the scenario's thread on the
/// pipe; <see cref="ForwardAsync"/> sends them to the parent in <see cref="LogBatch"/> frames, one per run. When the
/// channel is full a line is dropped and counted, and the next batch says how many were lost.
/// </summary>
internal sealed class PipeLogSink(FrameWriter writer) : ILogEventSink, IDisposable
{
    public const string RunIdProperty = "RunId";
    public const string ScenarioProperty = "ScenarioIndex";
    public const int Capacity = 4096;
    private const int MaxLinesPerFrame = 256;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    private readonly Channel<PendingLine> _lines = Channel.CreateBounded<PendingLine>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });
    private readonly SemaphoreSlim _sending = new(1, 1);
    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Emit(LogEvent logEvent)
    {
        var line = new PendingLine(Number(logEvent, RunIdProperty, 0L), (int)Number(logEvent, ScenarioProperty, -1L), ScenarioLog.ToLine(logEvent));
        if (!_lines.Writer.TryWrite(line))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Sends lines as they come, gathering those that arrive within a short window into one frame.</summary>
    public async Task ForwardAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _lines.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await Task.Delay(BatchWindow, cancellationToken).ConfigureAwait(false);
                await FlushAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Sends every queued line now; the runner calls it before a result so a scenario's lines precede its result.</summary>
    public async Task FlushAsync()
    {
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            var batch = new List<LogLine>();
            (long RunId, int Scenario) key = default;
            var lost = Interlocked.Exchange(ref _dropped, 0);
            while (_lines.Reader.TryRead(out var next))
            {
                if (batch.Count > 0 && ((next.RunId, next.ScenarioIndex) != key || batch.Count == MaxLinesPerFrame))
                {
                    await writer.SendAsync(FrameKind.LogBatch, new LogBatch(key.RunId, key.Scenario, batch)).ConfigureAwait(false);
                    batch = [];
                }

                key = (next.RunId, next.ScenarioIndex);
                batch.Add(next.Line);
            }

            if (lost > 0)
            {
                // Lines are dropped only when the channel is full, so the lost ones came after everything queued.
                batch.Add(new LogLine(DateTimeOffset.UtcNow, "WARN", $"{lost} log line(s) dropped: the runner's log channel ({Capacity} lines) was full"));
            }

            if (batch.Count > 0)
            {
                await writer.SendAsync(FrameKind.LogBatch, new LogBatch(key.RunId, key.Scenario, batch)).ConfigureAwait(false);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    public void Dispose() => _sending.Dispose();

    private static long Number(LogEvent logEvent, string property, long fallback) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: IConvertible number }
            ? number.ToInt64(System.Globalization.CultureInfo.InvariantCulture)
            : fallback;

    private readonly record struct PendingLine(long RunId, int ScenarioIndex, LogLine Line);
}
