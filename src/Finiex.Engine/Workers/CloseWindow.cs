namespace Finiex.Engine.Workers;

/// <summary>
/// The last <c>n − 1</c> committed values in a ring, with their sum taken oldest to newest. With the forming value
/// added last, <c>(PartialSum + forming) / n</c> is the mean of the last n values summed in sequence order, the
/// order SEMANTICS §4 implies, in O(1) per tick; the sum is recomputed only when a value is committed.
/// </summary>
internal sealed class CloseWindow
{
    private readonly double[] _ring;
    private int _next;

    public CloseWindow(int period)
    {
        Period = period;
        _ring = new double[Math.Max(period - 1, 1)];
    }

    public int Period { get; }

    /// <summary>How many values have been committed in all.</summary>
    public long Committed { get; private set; }

    /// <summary>Sum of the last n − 1 committed values, oldest first (valid once Committed ≥ n − 1).</summary>
    public double PartialSum { get; private set; }

    public void Commit(double value)
    {
        Committed++;
        if (Period == 1)
        {
            return;
        }

        _ring[_next] = value;
        _next = (_next + 1) % _ring.Length;
        var sum = 0.0;
        var count = (int)Math.Min(Committed, _ring.Length);
        var start = (_next - count + _ring.Length) % _ring.Length;
        for (var k = 0; k < count; k++)
        {
            sum += _ring[(start + k) % _ring.Length];
        }

        PartialSum = sum;
    }

    /// <summary>The committed value <paramref name="back"/> steps back from the newest (0 = newest).</summary>
    public double Recent(int back) => _ring[(_next - 1 - back + (2 * _ring.Length)) % _ring.Length];
}
