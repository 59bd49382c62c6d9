using Finiex.Protocol.Framing;

namespace Finiex.Orchestration.Tests;

/// <summary>How the frame reader tells a peer that died mid-frame from one that talks garbage.</summary>
public sealed class FrameReaderTests
{
    [Fact]
    public async Task A_stream_that_ends_between_frames_ends_the_reading()
    {
        var reader = new FrameReader(new MemoryStream([(byte)FrameKind.Heartbeat, 1, 0, 0, 0, 0x90]));

        Assert.Equal(FrameKind.Heartbeat, (await reader.ReadAsync(CancellationToken.None))!.Value.Kind);
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_stream_that_ends_inside_a_frame_is_a_lost_connection_not_a_protocol_violation()
    {
        // A runner that exits while writing leaves half a frame: the parent reports a crash with its exit code.
        var reader = new FrameReader(new MemoryStream([(byte)FrameKind.LogBatch, 100, 0, 0, 0, 1, 2, 3]));

        var error = await Assert.ThrowsAsync<EndOfStreamException>(async () => await reader.ReadAsync(CancellationToken.None));
        Assert.Contains("ended inside a frame", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_frame_kind_is_a_protocol_violation()
    {
        var reader = new FrameReader(new MemoryStream([77, 0, 0, 0, 0]));

        await Assert.ThrowsAsync<ProtocolException>(async () => await reader.ReadAsync(CancellationToken.None));
    }
}
