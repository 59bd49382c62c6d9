using System.Runtime.CompilerServices;
using Finiex.Core.Ticks;

namespace Finiex.Data.Ticks;

/// <summary>
/// A growable struct-of-arrays tick buffer: the in-memory shape of the store's columns.
/// Volumes are kept only when the source has them.
/// </summary>
public sealed class TickColumns
{
    private long[] _times;
    private double[] _bids;
    private double[] _asks;
    private double[]? _bidVolumes;
    private double[]? _askVolumes;

    public TickColumns(bool hasVolumes, int capacity = 1024)
    {
        capacity = Math.Max(capacity, 16);
        _times = new long[capacity];
        _bids = new double[capacity];
        _asks = new double[capacity];
        if (hasVolumes)
        {
            _bidVolumes = new double[capacity];
            _askVolumes = new double[capacity];
        }
    }

    public int Count { get; private set; }

    public bool HasVolumes => _bidVolumes is not null;

    public ReadOnlySpan<long> Times => _times.AsSpan(0, Count);

    public ReadOnlySpan<double> Bids => _bids.AsSpan(0, Count);

    public ReadOnlySpan<double> Asks => _asks.AsSpan(0, Count);

    public ReadOnlySpan<double> BidVolumes => _bidVolumes is null ? default : _bidVolumes.AsSpan(0, Count);

    public ReadOnlySpan<double> AskVolumes => _askVolumes is null ? default : _askVolumes.AsSpan(0, Count);

    public Tick this[int index] => new(_times[index], _bids[index], _asks[index]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long time, double bid, double ask, double bidVolume = 0, double askVolume = 0)
    {
        if (Count == _times.Length)
        {
            Grow();
        }

        _times[Count] = time;
        _bids[Count] = bid;
        _asks[Count] = ask;
        if (_bidVolumes is not null)
        {
            _bidVolumes[Count] = bidVolume;
            _askVolumes![Count] = askVolume;
        }

        Count++;
    }

    /// <summary>Appends rows [start, end) of <paramref name="other"/>.</summary>
    public void AddRange(TickColumns other, int start, int end)
    {
        var length = end - start;
        EnsureCapacity(Count + length);
        Array.Copy(other._times, start, _times, Count, length);
        Array.Copy(other._bids, start, _bids, Count, length);
        Array.Copy(other._asks, start, _asks, Count, length);
        if (_bidVolumes is not null)
        {
            if (other._bidVolumes is not null)
            {
                Array.Copy(other._bidVolumes, start, _bidVolumes, Count, length);
                Array.Copy(other._askVolumes!, start, _askVolumes!, Count, length);
            }
            else
            {
                Array.Clear(_bidVolumes, Count, length);
                Array.Clear(_askVolumes!, Count, length);
            }
        }

        Count += length;
    }

    /// <summary>
    /// Sorts by time, keeping the source order of equal times (SEMANTICS §1).
    /// Returns how many rows were out of order (earlier than a row before them).
    /// </summary>
    public int SortByTimeStable()
    {
        var moved = 0;
        var max = long.MinValue;
        for (var i = 0; i < Count; i++)
        {
            if (_times[i] < max)
            {
                moved++;
            }
            else
            {
                max = _times[i];
            }
        }

        if (moved == 0)
        {
            return 0;
        }

        var order = new int[Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var times = _times;
        Array.Sort(order, (a, b) => times[a] != times[b] ? times[a].CompareTo(times[b]) : a.CompareTo(b));
        Permute(order);
        return moved;
    }

    /// <summary>Removes the rows for which <paramref name="remove"/> is true; returns how many were removed.</summary>
    public int RemoveWhere(Func<long, double, double, bool> remove)
    {
        var write = 0;
        for (var read = 0; read < Count; read++)
        {
            if (remove(_times[read], _bids[read], _asks[read]))
            {
                continue;
            }

            _times[write] = _times[read];
            _bids[write] = _bids[read];
            _asks[write] = _asks[read];
            if (_bidVolumes is not null)
            {
                _bidVolumes[write] = _bidVolumes[read];
                _askVolumes![write] = _askVolumes[read];
            }

            write++;
        }

        var removed = Count - write;
        Count = write;
        return removed;
    }

    /// <summary>
    /// Merges two time-sorted buffers into a new one; at equal times the rows of <paramref name="first"/> come first.
    /// </summary>
    public static TickColumns MergeSorted(TickColumns first, TickColumns second)
    {
        if (first.Count == 0 && first.HasVolumes == second.HasVolumes)
        {
            return second; // a first import: nothing to merge, no copy
        }

        var merged = new TickColumns(first.HasVolumes || second.HasVolumes, first.Count + second.Count);
        if (first.Count == 0 || second.Count == 0 || first._times[first.Count - 1] <= second._times[0])
        {
            merged.AddRange(first, 0, first.Count);
            merged.AddRange(second, 0, second.Count);
            return merged;
        }

        int i = 0, j = 0;
        while (i < first.Count || j < second.Count)
        {
            if (j >= second.Count || (i < first.Count && first._times[i] <= second._times[j]))
            {
                merged.AddRange(first, i, i + 1);
                i++;
            }
            else
            {
                merged.AddRange(second, j, j + 1);
                j++;
            }
        }

        return merged;
    }

    private void Permute(int[] order)
    {
        _times = [.. order.Select(i => _times[i]), .. new long[_times.Length - Count]];
        _bids = [.. order.Select(i => _bids[i]), .. new double[_bids.Length - Count]];
        _asks = [.. order.Select(i => _asks[i]), .. new double[_asks.Length - Count]];
        if (_bidVolumes is not null)
        {
            _bidVolumes = [.. order.Select(i => _bidVolumes[i]), .. new double[_bidVolumes.Length - Count]];
            _askVolumes = [.. order.Select(i => _askVolumes![i]), .. new double[_askVolumes!.Length - Count]];
        }
    }

    private void Grow() => EnsureCapacity(_times.Length * 2);

    private void EnsureCapacity(int needed)
    {
        if (needed <= _times.Length)
        {
            return;
        }

        var size = Math.Max(needed, _times.Length * 2);
        Array.Resize(ref _times, size);
        Array.Resize(ref _bids, size);
        Array.Resize(ref _asks, size);
        if (_bidVolumes is not null)
        {
            Array.Resize(ref _bidVolumes, size);
            Array.Resize(ref _askVolumes, size);
        }
    }
}
