using System.IO.Pipes;
using BenchmarkDotNet.Attributes;
using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;
using MessagePack;

namespace Finiex.Benchmarks.Suites;

/// <summary>
/// What crosses the pipe between the parent and a runner: the reference package and its result encoded and decoded
/// with MessagePack, a small frame's round trip over a named pipe (the runner protocol's framing, both sides in this
/// process), and the pipe's throughput for large frames.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class ProtocolBenchmarks
{
    private const int LargeFrameBytes = 4 << 20;
    private RunRequest _request = null!;
    private ResultMessage _result = null!;
    private byte[] _requestBytes = null!;
    private byte[] _resultBytes = null!;
    private readonly byte[] _small = new byte[16];
    private readonly byte[] _large = new byte[LargeFrameBytes];
    private NamedPipeServerStream _server = null!;
    private NamedPipeClientStream _client = null!;
    private FrameWriter _clientWriter = null!;
    private FrameReader _clientReader = null!;
    private Task _echo = null!;

    [GlobalSetup]
    public void Setup()
    {
        var package = BenchmarkData.ReferencePackage(profiling: true);
        _request = new RunRequest(1, [package]);
        _result = new ResultMessage(1, new ScenarioRunner(StrategyCatalog.CreateDefault(), StoreTickData.Open).Run(package));
        _requestBytes = MessagePackSerializer.Serialize(_request);
        _resultBytes = MessagePackSerializer.Serialize(_result);

        var name = $"fx-bench-{Environment.ProcessId}";
        _server = new NamedPipeServerStream(name, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        _client = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.Asynchronous);
        var accepted = _server.WaitForConnectionAsync();
        _client.Connect(5000);
        accepted.GetAwaiter().GetResult();
        _clientWriter = new FrameWriter(_client);
        _clientReader = new FrameReader(_client);
        _echo = Task.Run(EchoAsync);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clientWriter.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _client.Dispose();
        _echo.Wait(5000);
        _server.Dispose();
    }

    [Benchmark(Description = "package (RunRequest): serialize")]
    public byte[] SerializePackage() => MessagePackSerializer.Serialize(_request);

    [Benchmark(Description = "package (RunRequest): deserialize")]
    public RunRequest DeserializePackage() => MessagePackSerializer.Deserialize<RunRequest>(_requestBytes);

    [Benchmark(Description = "result (21 trades, profile): serialize")]
    public byte[] SerializeResult() => MessagePackSerializer.Serialize(_result);

    [Benchmark(Description = "result (21 trades, profile): deserialize")]
    public ResultMessage DeserializeResult() => MessagePackSerializer.Deserialize<ResultMessage>(_resultBytes);

    [Benchmark(Description = "named pipe: 16-byte frame round trip")]
    public async Task<int> RoundTrip()
    {
        await _clientWriter.SendRawAsync(FrameKind.Heartbeat, _small);
        var reply = await _clientReader.ReadAsync(CancellationToken.None);
        return reply!.Value.Body.Length;
    }

    [Benchmark(Description = "named pipe: 4 MiB frame one way, 1-byte ack")]
    public async Task<int> Throughput()
    {
        await _clientWriter.SendRawAsync(FrameKind.Result, _large);
        var reply = await _clientReader.ReadAsync(CancellationToken.None);
        return reply!.Value.Body.Length;
    }

    /// <summary>Echoes small frames; answers a large one with a 1-byte acknowledgement.</summary>
    private async Task EchoAsync()
    {
        var reader = new FrameReader(_server);
        await using var writer = new FrameWriter(_server);
        var ack = new byte[1];
        while (await reader.ReadAsync(CancellationToken.None) is { } frame)
        {
            await writer.SendRawAsync(frame.Kind, frame.Body.Length > 1024 ? ack : frame.Body.ToArray());
        }
    }
}
