using BenchmarkDotNet.Attributes;
using Finiex.Data.Store;
using Finiex.Data.Ticks;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Finiex.Protocol.Messages;
using MessagePack;

namespace Finiex.Benchmarks.Suites;

/// <summary>
/// What crosses the connection between the parent and a runner: the reference package and its result encoded and
/// decoded with MessagePack (the connections themselves: <see cref="TransportBenchmarks"/>), and a day of ticks packed
/// and unpacked for shipping to a runner that cannot read the store.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class ProtocolBenchmarks
{
    private RunRequest _request = null!;
    private ResultMessage _result = null!;
    private byte[] _requestBytes = null!;
    private byte[] _resultBytes = null!;
    private Core.Ticks.ITickData _ticks = null!;
    private byte[] _packedTicks = null!;

    [GlobalSetup]
    public void Setup()
    {
        var package = BenchmarkData.ReferencePackage(profiling: true);
        _request = new RunRequest(1, [package]);
        _result = new ResultMessage(1, new ScenarioRunner(StrategyCatalog.CreateDefault(), StoreTickData.Open).Run(package));
        _requestBytes = MessagePackSerializer.Serialize(_request);
        _resultBytes = MessagePackSerializer.Serialize(_result);
        _ticks = StoreTickData.Open(package.Ticks);
        _packedTicks = ShippedTickCodec.Pack(_ticks.Times, _ticks.Bids, _ticks.Asks);
        Console.WriteLine($"// shipped ticks: {_ticks.Times.Length:N0} ticks, {_ticks.Times.Length * 24:N0} bytes of columns packed to {_packedTicks.Length:N0}");
    }

    [GlobalCleanup]
    public void Cleanup() => _ticks.Dispose();

    [Benchmark(Description = "package (RunRequest): serialize")]
    public byte[] SerializePackage() => MessagePackSerializer.Serialize(_request);

    [Benchmark(Description = "package (RunRequest): deserialize")]
    public RunRequest DeserializePackage() => MessagePackSerializer.Deserialize<RunRequest>(_requestBytes);

    [Benchmark(Description = "result (21 trades, profile): serialize")]
    public byte[] SerializeResult() => MessagePackSerializer.Serialize(_result);

    [Benchmark(Description = "result (21 trades, profile): deserialize")]
    public ResultMessage DeserializeResult() => MessagePackSerializer.Deserialize<ResultMessage>(_resultBytes);

    [Benchmark(Description = "shipped ticks (reference day): pack")]
    public byte[] PackTicks() => ShippedTickCodec.Pack(_ticks.Times, _ticks.Bids, _ticks.Asks);

    [Benchmark(Description = "shipped ticks (reference day): unpack")]
    public long UnpackTicks() => ShippedTickCodec.Unpack(_packedTicks).Times.Length;
}
