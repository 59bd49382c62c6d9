using System.Diagnostics;
using System.Globalization;
using System.IO.Pipes;
using Finiex.Orchestration.Processes;
using Finiex.Protocol;
using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;
using Finiex.Protocol.Security;

namespace Finiex.Orchestration.Tests;

/// <summary>
/// A runner never outlives its parent (it notices a closed connection or a silent parent, not a pid), refuses a protocol
/// it does not speak, and runs nothing for a parent that cannot prove the run's secret.
/// </summary>
[Collection("processes")]
public sealed class RunnerLifetimeTests
{
    private const string RunId = "lifetime-run";

    private static Process StartRunner(string pipe, RunSecret? secret, int protocol = ProtocolVersion.Current, double parentSilenceSeconds = 20)
    {
        var launch = RunnerLaunch.Default();
        var info = new ProcessStartInfo(launch.Host) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "exec", launch.RunnerDll, "--pipe", pipe, "--run-id", RunId, "--runner-id", pipe, "--protocol", protocol.ToString(CultureInfo.InvariantCulture),
                     "--parent-silence", parentSilenceSeconds.ToString(CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment[RunSecret.Variable] = secret?.Encoded;
        return Process.Start(info)!;
    }

    private static string PipeName() => $"fx-test-{Guid.NewGuid():N}"[..20];

    /// <summary>Plays the parent: accepts the runner's pipe and completes the handshake under <paramref name="secret"/>.</summary>
    private static async Task<(NamedPipeServerStream Pipe, FrameReader Reader, FrameWriter Writer)> AcceptAsync(string name, RunSecret secret)
    {
        var pipe = new NamedPipeServerStream(name, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await pipe.WaitForConnectionAsync(limit.Token);
        var reader = new FrameReader(pipe);
        var writer = new FrameWriter(pipe);
        var (accepted, refusal) = await HandshakeExchange.AcceptAsync(reader, writer, secret, RunId, admit: null, limit.Token);
        Assert.True(accepted is not null, refusal);
        return (pipe, reader, writer);
    }

    private static async Task<(bool Exited, string Stderr)> ExitAsync(Process runner, TimeSpan within)
    {
        var exited = await Task.Run(() => runner.WaitForExit(within));
        if (!exited)
        {
            runner.Kill(entireProcessTree: true);
        }

        return (exited, await runner.StandardError.ReadToEndAsync());
    }

    [Fact(Timeout = 40_000)]
    public async Task A_runner_exits_on_its_own_when_its_parent_falls_silent()
    {
        var secret = RunSecret.Create();
        var name = PipeName();
        using var runner = StartRunner(name, secret, parentSilenceSeconds: 2);
        var (pipe, _, writer) = await AcceptAsync(name, secret);
        await using (pipe)
        await using (writer)
        {
            var clock = Stopwatch.StartNew();
            var (exited, stderr) = await ExitAsync(runner, TimeSpan.FromSeconds(15)); // the pipe stays open, no heartbeat comes

            Assert.True(exited, "the runner outlived its silent parent by more than 15 s");
            Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 15);
            Assert.Contains("the parent sent nothing for 2 s", stderr, StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = 40_000)]
    public async Task A_runner_heartbeated_by_its_parent_stays_and_exits_when_the_connection_closes()
    {
        var secret = RunSecret.Create();
        var name = PipeName();
        using var runner = StartRunner(name, secret, parentSilenceSeconds: 2);
        var (pipe, _, writer) = await AcceptAsync(name, secret);
        for (var i = 0; i < 8; i++)
        {
            await writer.SendRawAsync(FrameKind.Heartbeat, [0x93, 0, 0, 0]);
            await Task.Delay(500);
        }

        Assert.False(runner.HasExited, "a heartbeated runner exited");
        await writer.DisposeAsync();
        await pipe.DisposeAsync(); // the parent is gone

        var (exited, stderr) = await ExitAsync(runner, TimeSpan.FromSeconds(10));
        Assert.True(exited, "the runner outlived the connection to its parent by more than 10 s");
        Assert.Matches("the parent closed the connection|the connection to the parent (broke|closed)", stderr); // seen by its read, or by its next write
    }

    [Fact(Timeout = 30_000)]
    public async Task A_runner_refuses_another_protocol_version()
    {
        using var runner = StartRunner(PipeName(), RunSecret.Create(), protocol: 99);
        var (exited, stderr) = await ExitAsync(runner, TimeSpan.FromSeconds(10));
        Assert.True(exited);
        Assert.Equal(3, runner.ExitCode);
        Assert.Contains($"speaks protocol {ProtocolVersion.Current}", stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_runner_without_the_run_secret_in_its_environment_does_not_start()
    {
        using var runner = StartRunner(PipeName(), secret: null);
        var (exited, stderr) = await ExitAsync(runner, TimeSpan.FromSeconds(10));
        Assert.True(exited);
        Assert.Equal(2, runner.ExitCode);
        Assert.Contains(RunSecret.Variable, stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 40_000)]
    public async Task A_runner_runs_nothing_for_a_parent_that_cannot_prove_the_secret()
    {
        var name = PipeName();
        using var runner = StartRunner(name, RunSecret.Create());
        await using var pipe = new NamedPipeServerStream(name, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        await pipe.WaitForConnectionAsync();
        var reader = new FrameReader(pipe);
        await using var writer = new FrameWriter(pipe);
        await writer.SendRawAsync(FrameKind.Challenge, HandshakeCodec.Encode(new HandshakeChallenge(ProtocolVersion.Current, ProtocolVersion.BuildId, "n")));
        var hello = HandshakeCodec.DecodeHandshake((await reader.ReadAsync(CancellationToken.None))!.Value.Body);
        // An impostor accepts without knowing the key: its proof is made with another one.
        await writer.SendRawAsync(FrameKind.HandshakeReply, HandshakeCodec.Encode(new HandshakeReply(true, ProtocolVersion.Current, ProtocolVersion.BuildId, hello.Nonce, null,
            RunSecret.Create().ParentProof("n", hello.Nonce))));

        var (exited, stderr) = await ExitAsync(runner, TimeSpan.FromSeconds(10));
        Assert.True(exited);
        Assert.Equal(3, runner.ExitCode);
        Assert.Contains("could not prove it holds this run's secret", stderr, StringComparison.Ordinal);
    }
}
