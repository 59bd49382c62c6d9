namespace Finiex.Data.Store;

/// <summary>Where each column of a tick file lives; computed by the writer and checked by the reader.</summary>
internal readonly record struct TickFileLayout(
    long Count,
    int ChunkTicks,
    int ChunkCount,
    long TimesOffset,
    long BidsOffset,
    long AsksOffset,
    long BidVolumesOffset,
    long AskVolumesOffset,
    long ChunkTableOffset,
    long FileLength)
{
    public bool HasVolumes => BidVolumesOffset != 0;

    public static TickFileLayout For(long count, bool hasVolumes, int chunkTicks)
    {
        var columnBytes = count * 8;
        var times = (long)TickFileFormat.HeaderSize;
        var bids = TickFileFormat.Align(times + columnBytes);
        var asks = TickFileFormat.Align(bids + columnBytes);
        var next = TickFileFormat.Align(asks + columnBytes);
        long bidVolumes = 0, askVolumes = 0;
        if (hasVolumes)
        {
            bidVolumes = next;
            askVolumes = TickFileFormat.Align(bidVolumes + columnBytes);
            next = TickFileFormat.Align(askVolumes + columnBytes);
        }

        var chunks = TickFileFormat.ChunkCount(count, chunkTicks);
        return new TickFileLayout(count, chunkTicks, chunks, times, bids, asks, bidVolumes, askVolumes, next, next + (chunks * 8L));
    }
}
