using System.Collections.Concurrent;
using System.Diagnostics;
using Finiex.Contracts.Packages;
using Finiex.Data.Store;
using Finiex.Data.Ticks;

namespace Finiex.Orchestration.Processes;

/// <summary>
/// The ticks of each store range a run's packages use, packed once per run for runners that cannot read the store
/// (each runner is sent a range once, by its session). Counts what packing cost, for the batch's log.
/// </summary>
internal sealed class TickShipment
{
    private readonly ConcurrentDictionary<(string Path, long Start, long End, ulong Fingerprint), Lazy<ShippedTicks>> _packed = new();
    private long _rawBytes;
    private long _packedBytes;
    private long _packTicks;

    public ShippedTicks For(TickSource source) =>
        _packed.GetOrAdd((source.TickFilePath!, source.StartIndex, source.EndIndex, source.ExpectedFileFingerprint), _ => new Lazy<ShippedTicks>(() => Pack(source))).Value;

    /// <summary>Ranges packed, their raw and packed sizes and the time packing took.</summary>
    public (int Ranges, long RawBytes, long PackedBytes, TimeSpan PackTime) Totals =>
        (_packed.Count, Interlocked.Read(ref _rawBytes), Interlocked.Read(ref _packedBytes), TimeSpan.FromSeconds(Interlocked.Read(ref _packTicks) / (double)Stopwatch.Frequency));

    private ShippedTicks Pack(TickSource source)
    {
        var started = Stopwatch.GetTimestamp();
        using var ticks = StoreTickData.Open(source);
        var columns = ShippedTickCodec.Pack(ticks.Times, ticks.Bids, ticks.Asks);
        Interlocked.Add(ref _rawBytes, ticks.Times.Length * 24L);
        Interlocked.Add(ref _packedBytes, columns.Length);
        Interlocked.Add(ref _packTicks, Stopwatch.GetTimestamp() - started);
        return new ShippedTicks
        {
            TickFilePath = source.TickFilePath!,
            StartIndex = source.StartIndex,
            EndIndex = source.EndIndex,
            Fingerprint = source.ExpectedFileFingerprint,
            Columns = columns,
        };
    }
}
