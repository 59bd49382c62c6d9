using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Finiex.Data.Ticks;

/// <summary>
/// Packs tick columns for the wire, losslessly: times as deltas, prices as the XOR of each value's bits with the previous
/// one's (neighbouring prices share sign, exponent and leading mantissa bits, so most bytes become zero), every column
/// split into its eight byte planes, then Brotli. Unpacking gives back the very same doubles, bit for bit.
/// Layout: [i32 count][Brotli of times' planes, bids' planes, asks' planes].
/// </summary>
public static class ShippedTickCodec
{
    /// <summary>
    /// Brotli's quality 2: on a day of EURUSD (100k ticks, 2.4 MB of columns) 578 KB in 15 ms; quality 4 saves 1.3 % more
    /// for 4× the time (58 ms), quality 1 is 5 % larger; zlib's fastest 818 KB in 10 ms.
    /// </summary>
    private const int Quality = 2;

    public static byte[] Pack(ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks)
    {
        var count = times.Length;
        var raw = new byte[count * 24];
        var words = new long[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = i == 0 ? times[0] : times[i] - times[i - 1];
        }

        SplitPlanes(words, raw.AsSpan(0, count * 8));
        XorWithPrevious(MemoryMarshal.Cast<double, long>(bids), words);
        SplitPlanes(words, raw.AsSpan(count * 8, count * 8));
        XorWithPrevious(MemoryMarshal.Cast<double, long>(asks), words);
        SplitPlanes(words, raw.AsSpan(count * 16, count * 8));

        using var output = new MemoryStream(raw.Length / 4 + 16);
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, count);
        output.Write(header);
        using (var brotli = new BrotliStream(output, new BrotliCompressionOptions { Quality = Quality }, leaveOpen: true))
        {
            brotli.Write(raw);
        }

        return output.ToArray();
    }

    public static (long[] Times, double[] Bids, double[] Asks) Unpack(byte[] packed)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(packed);
        if (count < 0 || count > int.MaxValue / 24)
        {
            throw new InvalidDataException($"Shipped ticks claim {count} ticks.");
        }

        var raw = new byte[count * 24];
        using (var brotli = new BrotliStream(new MemoryStream(packed, 4, packed.Length - 4), CompressionMode.Decompress))
        {
            brotli.ReadExactly(raw);
        }

        var times = new long[count];
        JoinPlanes(raw.AsSpan(0, count * 8), times);
        for (var i = 1; i < count; i++)
        {
            times[i] += times[i - 1];
        }

        return (times, UndoXor(raw.AsSpan(count * 8, count * 8), count), UndoXor(raw.AsSpan(count * 16, count * 8), count));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per range, on millions of values: never at tier 0
    private static void XorWithPrevious(ReadOnlySpan<long> bits, long[] words)
    {
        var previous = 0L;
        for (var i = 0; i < bits.Length; i++)
        {
            words[i] = bits[i] ^ previous;
            previous = bits[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per range, on millions of values: never at tier 0
    private static double[] UndoXor(ReadOnlySpan<byte> planes, int count)
    {
        var words = new long[count];
        JoinPlanes(planes, words);
        var previous = 0L;
        for (var i = 0; i < count; i++)
        {
            words[i] ^= previous;
            previous = words[i];
        }

        return MemoryMarshal.Cast<long, double>(words).ToArray();
    }

    /// <summary>Byte b of every word goes to plane b: the planes of slowly changing values are long runs of zeros.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per range, on millions of values: never at tier 0
    private static void SplitPlanes(ReadOnlySpan<long> words, Span<byte> planes)
    {
        var count = words.Length;
        for (var i = 0; i < count; i++)
        {
            var word = (ulong)words[i];
            for (var b = 0; b < 8; b++)
            {
                planes[b * count + i] = (byte)(word >> (8 * b));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per range, on millions of values: never at tier 0
    private static void JoinPlanes(ReadOnlySpan<byte> planes, Span<long> words)
    {
        var count = words.Length;
        for (var i = 0; i < count; i++)
        {
            ulong word = 0;
            for (var b = 0; b < 8; b++)
            {
                word |= (ulong)planes[b * count + i] << (8 * b);
            }

            words[i] = (long)word;
        }
    }
}
