using Finiex.Engine.Trading;

namespace Finiex.Engine.Tests.Trading;

/// <summary>The shares of a partial close (SEMANTICS §10): <c>amount · (k / n)</c> to the closed trade, <c>amount − share</c> kept.</summary>
public sealed class PartialCloseTests
{
    [Fact]
    public void The_closed_lots_take_their_share_and_the_rest_keeps_the_difference()
    {
        // 0.3 of 1.0 lots: an opening commission of 7.00, swaps of −1.20 and a margin of 1,100.00.
        Assert.Equal((2.1, 4.9), Rounded(PartialClose.Split(7.0, 0.3, 1.0)));
        Assert.Equal((-0.36, -0.84), Rounded(PartialClose.Split(-1.2, 0.3, 1.0)));
        Assert.Equal((330.0, 770.0), Rounded(PartialClose.Split(1_100.0, 0.3, 1.0)));
    }

    [Theory]
    [InlineData(10.0, 0.01, 0.03)]
    [InlineData(1.0 / 3, 0.07, 0.3)]
    [InlineData(123.456789, 0.13, 0.17)]
    public void Share_and_rest_add_up_to_the_amount_exactly(double amount, double closedLots, double lots)
    {
        var (share, kept) = PartialClose.Split(amount, closedLots, lots);
        Assert.Equal(amount * (closedLots / lots), share); // the formula of §10, not n−k over n for the rest
        Assert.Equal(amount - share, kept);
    }

    [Fact]
    public void Closing_every_lot_takes_the_whole_amount()
    {
        Assert.Equal((7.0, 0.0), PartialClose.Split(7.0, 0.5, 0.5));
    }

    private static (double, double) Rounded((double Share, double Kept) split) => (Math.Round(split.Share, 10), Math.Round(split.Kept, 10));
}
