using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Finiex.Core.Scenarios;
using Finiex.Orchestration.Events;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Processes;
using Finiex.Orchestration.Processes.Launch;
using Finiex.Orchestration.Processes.Transport;
using Finiex.Protocol;
using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;
using Finiex.Protocol.Security;

namespace Finiex.Orchestration.Tests;

/// <summary>
/// Runners that dial back over TCP (as Slurm-placed runners do, here on this machine): the same results as over named
/// pipes, reading the store or with the ticks shipped; the listener refuses and logs whatever does not prove the run's
/// secret, speaks another version, or was not launched by the run.
/// </summary>
[Collection("processes")]
public sealed class TcpTransportTests
{
    private static Func<Action<string>, RunnerFactory> OverTcp(bool shipTicks) => refused =>
    {
        var secret = RunSecret.Create();
        var runId = RunnerFactory.NewRunId();
        var listener = new TcpRunnerListener(new IPEndPoint(IPAddress.Loopback, 0), "127.0.0.1", secret, runId, refused);
        return new RunnerFactory(BatchFixture.Launch(), listener, LocalLauncher.Instance, secret, runId, shipTicks ? () => new TickShipment() : null);
    };

    [Fact(Timeout = 180_000)]
    public async Task Runners_dialling_back_over_TCP_give_the_results_of_named_pipes_reading_the_store_or_shipped_ticks()
    {
        var report = BatchFixture.Load(BatchFixture.ExampleSet); // three windows, two symbols, a grid
        var (pipes, _) = await BatchFixture.RunAsync(report, ExecutionMode.Processes, 2, new BatchOptions { Runner = BatchFixture.Launch() });
        var (tcp, tcpEvents) = await BatchFixture.RunAsync(report, ExecutionMode.Processes, 2, new BatchOptions { Runners = OverTcp(shipTicks: false) });
        var (shipped, shippedEvents) = await BatchFixture.RunAsync(report, ExecutionMode.Processes, 2, new BatchOptions { Runners = OverTcp(shipTicks: true) });

        Assert.True(pipes.AllCompleted);
        Assert.Equal(BatchFixture.Fingerprint(pipes), BatchFixture.Fingerprint(tcp));
        Assert.Equal(BatchFixture.Fingerprint(pipes), BatchFixture.Fingerprint(shipped));
        Assert.DoesNotContain(tcpEvents.OfType<LogWritten>(), e => e.Message.StartsWith("Shipped", StringComparison.Ordinal));
        // Four tick ranges (two windows of EURUSD, one of NZDUSD, the grid's longer one), packed once each whatever the number of runners and requests.
        var shipping = Assert.Single(shippedEvents.OfType<LogWritten>(), e => e.Message.StartsWith("Shipped", StringComparison.Ordinal));
        Assert.StartsWith("Shipped 4 tick range(s)", shipping.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_listener_refuses_and_logs_a_wrong_secret_another_version_a_stranger_and_garbage_and_still_admits_its_runner()
    {
        var secret = RunSecret.Create();
        var refusals = new List<string>();
        await using var listener = new TcpRunnerListener(new IPEndPoint(IPAddress.Loopback, 0), "127.0.0.1", secret, "run-1", message =>
        {
            lock (refusals)
            {
                refusals.Add(message);
            }
        });
        await using var endpoint = listener.Expect("runner-1");
        Assert.Equal(["--connect", listener.Address], endpoint.Arguments);

        Assert.Contains("wrong secret", await RefusedAsync(listener, RunSecret.Create(), ProtocolVersion.Current, "run-1", "runner-1"), StringComparison.Ordinal);
        Assert.Contains($"protocol 99 ≠ parent's {ProtocolVersion.Current}", await RefusedAsync(listener, secret, 99, "run-1", "runner-1"), StringComparison.Ordinal);
        Assert.Contains("run run-2 is not this run", await RefusedAsync(listener, secret, ProtocolVersion.Current, "run-2", "runner-1"), StringComparison.Ordinal);
        Assert.Contains("was not launched by this run", await RefusedAsync(listener, secret, ProtocolVersion.Current, "run-1", "runner-9"), StringComparison.Ordinal);
        await SendRawAsync(listener, kind: 77, length: 4);
        await SendRawAsync(listener, kind: (byte)FrameKind.Handshake, length: 200_000_000); // a stranger may not make the parent buffer 200 MB

        using var client = await DialAsync(listener);
        await using var stream = client.GetStream();
        await using var writer = new FrameWriter(stream);
        await HandshakeExchange.ConnectAsync(new FrameReader(stream), writer, secret, Identity(ProtocolVersion.Current, "run-1", "runner-1"), CancellationToken.None);
        await using var connection = await endpoint.ConnectedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        Assert.Equal("runner-1", connection.Identity.RunnerId);
        await WaitForAsync(() => refusals.Count >= 6);
        Assert.Equal(6, refusals.Count);
        Assert.All(refusals, r => Assert.StartsWith("Refused a runner connection from 127.0.0.1:", r, StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Contains("Unknown frame kind 77", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Contains("outside [0, 4096]", StringComparison.Ordinal));
    }

    private static Handshake Identity(int version, string runId, string runnerId) => new(version, ProtocolVersion.BuildId, "", 1, runId, runnerId, "test", "", []);

    private static async Task<TcpClient> DialAsync(TcpRunnerListener listener)
    {
        var client = new TcpClient();
        var (host, port) = HostPort.Parse(listener.Address);
        await client.ConnectAsync(host, port);
        return client;
    }

    /// <summary>Plays a runner whose handshake is computed with <paramref name="secret"/>; returns the parent's refusal.</summary>
    private static async Task<string> RefusedAsync(TcpRunnerListener listener, RunSecret secret, int version, string runId, string runnerId)
    {
        using var client = await DialAsync(listener);
        await using var stream = client.GetStream();
        var reader = new FrameReader(stream);
        await using var writer = new FrameWriter(stream);
        var challenge = HandshakeCodec.DecodeChallenge((await reader.ReadAsync(CancellationToken.None))!.Value.Body);
        var hello = Identity(version, runId, runnerId) with { Nonce = "abc", Proof = secret.RunnerProof(challenge.Nonce, "abc", runId, runnerId) };
        await writer.SendRawAsync(FrameKind.Handshake, HandshakeCodec.Encode(hello));
        var reply = HandshakeCodec.DecodeReply((await reader.ReadAsync(CancellationToken.None))!.Value.Body);
        Assert.False(reply.Accepted);
        Assert.Empty(reply.Proof);
        Assert.Null(await reader.ReadAsync(CancellationToken.None)); // and the parent hung up
        return reply.Reason!;
    }

    private static async Task SendRawAsync(TcpRunnerListener listener, byte kind, int length)
    {
        using var client = await DialAsync(listener);
        await using var stream = client.GetStream();
        var header = new byte[5];
        header[0] = kind;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(1), length);
        await stream.WriteAsync(header);
        await stream.WriteAsync(new byte[4]);
        var rest = new byte[1024];
        while (await stream.ReadAsync(rest) > 0)
        {
            // the challenge, then the parent hangs up
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
