using System.IO.Pipes;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;
using MessagePack;

namespace Finiex.Benchmarks.Suites;

/// <summary>
/// The runner connection's cost over each transport (both ends in this process, the protocol's framing): a small
/// frame's round trip, dispatching the reference package (the parent serialises and sends a run request, the runner
/// reads and deserialises it and answers with a heartbeat), and throughput for large frames.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class TransportBenchmarks
{
    private const int LargeFrameBytes = 4 << 20;
    private readonly byte[] _small = new byte[16];
    private readonly byte[] _large = new byte[LargeFrameBytes];
    private RunRequest _request = null!;
    private Stream _parent = null!;
    private Stream _runner = null!;
    private TcpListener? _listener;
    private FrameWriter _writer = null!;
    private FrameReader _reader = null!;
    private Task _echo = null!;

    [Params("named pipe", "tcp loopback")]
    public string Transport { get; set; } = "named pipe";

    [GlobalSetup]
    public void Setup()
    {
        _request = new RunRequest(1, [BenchmarkData.ReferencePackage(profiling: true)]);
        (_parent, _runner) = Transport == "tcp loopback" ? Tcp() : Pipe();
        _writer = new FrameWriter(_parent);
        _reader = new FrameReader(_parent);
        _echo = Task.Run(EchoAsync);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _parent.Dispose();
        _echo.Wait(5000);
        _runner.Dispose();
        _listener?.Dispose();
    }

    [Benchmark(Description = "16-byte frame round trip")]
    public async Task<int> RoundTrip()
    {
        await _writer.SendRawAsync(FrameKind.Heartbeat, _small);
        var reply = await _reader.ReadAsync(CancellationToken.None);
        return reply!.Value.Body.Length;
    }

    [Benchmark(Description = "dispatch the reference package (serialise, send, read, deserialise, ack)")]
    public async Task<int> Dispatch()
    {
        await _writer.SendAsync(FrameKind.RunRequest, _request);
        var reply = await _reader.ReadAsync(CancellationToken.None);
        return reply!.Value.Body.Length;
    }

    [Benchmark(Description = "4 MiB frame one way, 1-byte ack")]
    public async Task<int> Throughput()
    {
        await _writer.SendRawAsync(FrameKind.Result, _large);
        var reply = await _reader.ReadAsync(CancellationToken.None);
        return reply!.Value.Body.Length;
    }

    private static (Stream Parent, Stream Runner) Pipe()
    {
        var name = $"fx-bench-{Environment.ProcessId}";
        var server = new NamedPipeServerStream(name, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var client = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.Asynchronous);
        var accepted = server.WaitForConnectionAsync();
        client.Connect(5000);
        accepted.GetAwaiter().GetResult();
        return (server, client);
    }

    private (Stream Parent, Stream Runner) Tcp()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _listener = listener;
        var accepted = listener.AcceptSocketAsync();
        var client = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.Connect((IPEndPoint)listener.LocalEndpoint);
        var server = accepted.GetAwaiter().GetResult();
        server.NoDelay = true;
        return (new NetworkStream(server, ownsSocket: true), new NetworkStream(client, ownsSocket: true));
    }

    /// <summary>The runner's side: echoes small frames, deserialises a run request and acknowledges it, acknowledges a large frame.</summary>
    private async Task EchoAsync()
    {
        var reader = new FrameReader(_runner);
        await using var writer = new FrameWriter(_runner);
        var ack = new byte[1];
        while (await reader.ReadAsync(CancellationToken.None) is { } frame)
        {
            if (frame.Kind == FrameKind.RunRequest)
            {
                var request = MessagePackSerializer.Deserialize<RunRequest>(frame.Body);
                await writer.SendRawAsync(FrameKind.Heartbeat, request.Packages.Count == 1 ? ack : _small);
            }
            else
            {
                await writer.SendRawAsync(frame.Kind, frame.Body.Length > 1024 ? ack : frame.Body.ToArray());
            }
        }
    }
}
