using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;
using Finiex.Runner.Logging;
using MessagePack;
using Serilog;

namespace Finiex.Orchestration.Tests;

/// <summary>The runner's Serilog sink: bounded, never blocking, batches per run, and honest about what it dropped.</summary>
public sealed class RunnerLogSinkTests
{
    [Fact]
    public async Task Lines_are_batched_per_run_in_order_and_overflow_is_counted_not_blocking()
    {
        using var stream = new MemoryStream();
        var writer = new FrameWriter(stream);
        using var sink = new PipeLogSink(writer);
        var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(sink).CreateLogger();

        log.Information("runner line");
        var run = log.ForContext(PipeLogSink.RunIdProperty, 7L).ForContext(PipeLogSink.ScenarioProperty, 3);
        for (var i = 0; i < PipeLogSink.Capacity + 100; i++)
        {
            run.Information("line {I}", i); // returns at once even though nothing drains the channel
        }

        Assert.Equal(101, sink.Dropped);
        await sink.FlushAsync();
        await writer.DisposeAsync();

        var batches = await ReadBatchesAsync(stream.ToArray());
        Assert.Equal((0L, -1), (batches[0].RunId, batches[0].ScenarioIndex));
        Assert.Equal("runner line", Assert.Single(batches[0].Lines).Message);
        var lines = batches.Skip(1).SelectMany(b => b.Lines).ToList();
        Assert.All(batches.Skip(1), b => Assert.Equal((7L, 3), (b.RunId, b.ScenarioIndex)));
        Assert.All(batches, b => Assert.InRange(b.Lines.Count, 1, 256));
        Assert.Equal(Enumerable.Range(0, PipeLogSink.Capacity - 1).Select(i => $"line {i}"), lines.SkipLast(1).Select(l => l.Message));
        Assert.Equal("WARN", lines[^1].Level);
        Assert.StartsWith("101 log line(s) dropped", lines[^1].Message, StringComparison.Ordinal);
    }

    private static async Task<List<LogBatch>> ReadBatchesAsync(byte[] bytes)
    {
        var reader = new FrameReader(new MemoryStream(bytes));
        var batches = new List<LogBatch>();
        while (await reader.ReadAsync(CancellationToken.None) is { } frame)
        {
            Assert.Equal(FrameKind.LogBatch, frame.Kind);
            batches.Add(MessagePackSerializer.Deserialize<LogBatch>(frame.Body));
        }

        return batches;
    }
}
