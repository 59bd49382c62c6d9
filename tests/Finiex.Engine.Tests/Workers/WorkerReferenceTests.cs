using Finiex.Engine.Workers;
using Finiex.Sdk.Time;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Tests.Workers;

/// <summary>Workers against the reference values of SEMANTICS §4 and hand-worked examples.</summary>
public sealed class WorkerReferenceTests
{
    /// <summary>The value at row k: rows 0..k−1 are closed bars, row k's close is the forming close.</summary>
    private static double ValueAt(Worker worker, double[] closes, int row, Func<Worker, double> read)
    {
        for (var i = 0; i < row; i++)
        {
            worker.CommitClose(closes[i]);
        }

        worker.Update(closes[row]);
        return read(worker);
    }

    [Theory]
    [InlineData(14, 62.0541)]
    [InlineData(249, 70.9368)]
    [InlineData(501, 42.0773)]
    public void Wilder_rsi_14_matches_the_published_spy_values(int row, double expected)
    {
        var value = ValueAt(new RsiWorker("rsi", Timeframe.D1, 14, wilder: true), SpyFixture.Closes, row, w => ((RsiWorker)w).Value);
        Assert.Equal(expected, value, 4);
    }

    [Fact]
    public void Wilder_rsi_14_is_not_ready_before_15_closes()
    {
        var rsi = new RsiWorker("rsi", Timeframe.D1, 14, wilder: true);
        ValueAt(rsi, SpyFixture.Closes, 13, w => 0);
        Assert.False(rsi.IsReady);
        Assert.True(double.IsNaN(rsi.Value));
    }

    [Theory]
    [InlineData(19, 214.5250)]
    [InlineData(249, 255.5500)]
    [InlineData(501, 251.8600)]
    public void Sma_20_matches_the_published_spy_values(int row, double expected)
    {
        var value = ValueAt(new SmaWorker("sma", Timeframe.D1, 20), SpyFixture.Closes, row, w => ((SmaWorker)w).Value);
        Assert.Equal(expected, value, 4);
    }

    [Fact]
    public void Incremental_values_equal_a_from_scratch_computation_at_every_row_bit_for_bit()
    {
        var closes = SpyFixture.Closes;
        var wilder = new RsiWorker("w", Timeframe.D1, 14, wilder: true);
        var simple = new RsiWorker("s", Timeframe.D1, 14, wilder: false);
        var sma = new SmaWorker("m", Timeframe.D1, 20);
        var bollinger = new BollingerWorker("b", Timeframe.D1, 20, 2);
        Worker[] all = [wilder, simple, sma, bollinger];
        for (var row = 0; row < closes.Length; row++)
        {
            foreach (var worker in all)
            {
                worker.Update(closes[row]);
            }

            var sequence = closes[..(row + 1)];
            Assert.Equal(Reference.WilderRsi(sequence, 14), wilder.Value);
            Assert.Equal(Reference.SimpleRsi(sequence, 14), simple.Value);
            Assert.Equal(Reference.Sma(sequence, 20), sma.Value);
            var (lower, middle, upper) = Reference.Bollinger(sequence, 20, 2);
            Assert.Equal((lower, middle, upper), (bollinger.Lower, bollinger.Middle, bollinger.Upper));
            foreach (var worker in all)
            {
                worker.CommitClose(closes[row]);
            }
        }
    }

    [Fact]
    public void Simple_rsi_by_hand()
    {
        // closes 1, 2, 4, 3, 5 → deltas +1 +2 −1 +2; period 3 at the last row: gains 2,0,2 → 4/3; losses 0,1,0 → 1/3
        var rsi = new RsiWorker("r", Timeframe.M1, 3, wilder: false);
        var value = ValueAt(rsi, [1, 2, 4, 3, 5], 4, w => ((RsiWorker)w).Value);
        Assert.Equal(100 - (100 / (1 + ((4.0 / 3) / (1.0 / 3)))), value);
        Assert.Equal(80, value, 10);
    }

    [Fact]
    public void Rsi_is_100_when_there_are_no_losses()
    {
        var rsi = new RsiWorker("r", Timeframe.M1, 3, wilder: true);
        Assert.Equal(100, ValueAt(rsi, [1, 2, 3, 4], 3, w => ((RsiWorker)w).Value));
    }

    [Fact]
    public void Wilder_rsi_by_hand_applies_the_forming_delta_without_committing_it()
    {
        // period 2; closes 10, 11, 9 committed → seed gains (1, 0)/2 = 0.5, losses (0, 2)/2 = 1.
        var rsi = new RsiWorker("r", Timeframe.M1, 2, wilder: true);
        foreach (var close in new double[] { 10, 11, 9 })
        {
            rsi.CommitClose(close);
        }

        rsi.Update(12); // delta +3: gain (0.5·1 + 3)/2 = 1.75, loss (1·1 + 0)/2 = 0.5
        Assert.Equal(100 - (100 / (1 + (1.75 / 0.5))), rsi.Value);
        rsi.Update(8); // the 12 was not committed: delta −1 from 9: gain (0.5 + 0)/2 = 0.25, loss (1 + 1)/2 = 1
        Assert.Equal(100 - (100 / (1 + (0.25 / 1.0))), rsi.Value);
    }

    [Fact]
    public void Envelope_bands_are_a_percentage_around_the_sma()
    {
        var envelope = new EnvelopeWorker("e", Timeframe.M1, 2, 1.0);
        envelope.CommitClose(100);
        envelope.Update(102);
        Assert.Equal((101 * 0.99, 101.0, 101 * 1.01), (envelope.Lower, envelope.Middle, envelope.Upper));
    }

    [Fact]
    public void Bollinger_uses_the_population_deviation()
    {
        var bollinger = new BollingerWorker("b", Timeframe.M1, 4, 2);
        foreach (var close in new double[] { 2, 4, 4 })
        {
            bollinger.CommitClose(close);
        }

        bollinger.Update(6); // mean 4, squared deviations 4+0+0+4 = 8, σ = sqrt(8/4)
        Assert.Equal(4, bollinger.Middle);
        Assert.Equal(4 + (2 * Math.Sqrt(2)), bollinger.Upper);
        Assert.Equal(4 - (2 * Math.Sqrt(2)), bollinger.Lower);
    }

    [Theory]
    [InlineData(1.5, 1, 2, 0.5)]
    [InlineData(0.5, 1, 2, 0)]
    [InlineData(2.5, 1, 2, 1)]
    [InlineData(1.25, 1, 2, 0.25)]
    [InlineData(7, 3, 3, 0.5)]
    public void Band_position_is_clamped_and_half_on_a_flat_band(double mid, double lower, double upper, double expected) =>
        Assert.Equal(expected, BandPosition.Of(mid, lower, upper));

    public static TheoryData<string> BuiltInWorkers => ["rsi wilder", "rsi simple", "sma", "envelope", "bollinger"];

    private static Worker Create(string kind, int period) => kind switch
    {
        "rsi wilder" => new RsiWorker("w", Timeframe.M5, period, wilder: true),
        "rsi simple" => new RsiWorker("w", Timeframe.M5, period, wilder: false),
        "sma" => new SmaWorker("w", Timeframe.M5, period),
        "envelope" => new EnvelopeWorker("w", Timeframe.M5, period, 0.1),
        _ => new BollingerWorker("w", Timeframe.M5, period, 2),
    };

    [Theory]
    [MemberData(nameof(BuiltInWorkers))]
    public void Updating_a_run_of_ticks_gives_each_ticks_value_of_updating_one_by_one(string kind)
    {
        var random = new Random(kind.Length);
        foreach (var period in new[] { 1, 2, 5, 14 })
        {
            var (oneByOne, inRuns) = (Create(kind, period), Create(kind, period));
            var outputs = oneByOne.OutputNames.Count;
            var row = new double[outputs];
            var columns = Enumerable.Range(0, outputs).Select(_ => new double[64]).ToArray();
            var close = 1.3;
            for (var bar = 0; bar < 60; bar++) // from not ready to ready, through the seed, into the smoothing
            {
                var length = 1 + random.Next(23); // every remainder of the 4-wide vector loops
                var mids = Enumerable.Range(0, length).Select(_ => close + ((random.NextDouble() - 0.5) / 500)).ToArray();
                if (random.Next(5) == 0)
                {
                    mids[random.Next(length)] = close; // a delta of exactly zero
                }

                inRuns.UpdateRange(mids, new WorkerOutputs(columns, 0, length));
                for (var i = 0; i < length; i++)
                {
                    oneByOne.Update(mids[i]);
                    oneByOne.WriteOutputs(row);
                    for (var k = 0; k < outputs; k++)
                    {
                        Assert.Equal(BitConverter.DoubleToInt64Bits(row[k]), BitConverter.DoubleToInt64Bits(columns[k][i]));
                    }
                }

                var (last, lastInRuns) = (new double[outputs], new double[outputs]);
                oneByOne.WriteOutputs(last);
                inRuns.WriteOutputs(lastInRuns);
                Assert.Equal(last, lastInRuns);
                Assert.Equal(oneByOne.IsReady, inRuns.IsReady);
                close = mids[^1];
                oneByOne.CommitClose(close);
                inRuns.CommitClose(close);
            }

            Assert.True(oneByOne.IsReady);
        }
    }
}
